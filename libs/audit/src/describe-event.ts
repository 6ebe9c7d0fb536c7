import type { AuditDescriber, AuditedEvent, AuditFacts } from './ports/audit-describer.port.js';

/** The registered describers by event type: which context explains which event. */
export class AuditDescribers {
  private readonly byType = new Map<string, AuditDescriber>();

  constructor(readonly all: readonly AuditDescriber[]) {
    for (const describer of all) for (const type of describer.eventTypes) this.byType.set(type, describer);
  }

  /** An event's audit facts; an event type no context claims still gets an (empty) entry. */
  describe(event: AuditedEvent): AuditFacts {
    return this.byType.get(event.type)?.describe(event) ?? { scope: {}, targetUserIds: [], changes: [] };
  }

  /** Event payloads as the trail keeps them: secrets' digests are not anyone's to see. */
  redact(event: AuditedEvent): Record<string, unknown> {
    return this.byType.get(event.type)?.redact?.(event) ?? event.data;
  }

  withoutContactDetails(event: AuditedEvent): AuditedEvent {
    return this.byType.get(event.type)?.withoutContactDetails?.(event) ?? event;
  }

  /** The events as the person they are about reads them, or undefined when a context does not say how for one of them. */
  asSeenByTarget(events: readonly AuditedEvent[], userId: string): AuditedEvent[] | undefined {
    const seen: AuditedEvent[] = [];
    for (const event of events) {
      const view = this.byType.get(event.type)?.asSeenByTarget;
      if (!view) return undefined;
      seen.push(view(event, userId));
    }
    return seen;
  }

  isContactChange(field: string): boolean {
    return this.all.some((d) => d.isContactChange?.(field) === true);
  }
}
