import type { RecordedEvent } from '#core';
import { type DocumentStore, type Projection, UnitOfWork } from '#read-store';
import type { AuditDescribers } from '../../describe-event.js';

export const AUDIT_COLLECTION = 'audit_trail';

export interface AuditEntryFields {
  confirmationNumber: string;
  action: string;
  actorId: string;
  occurredAt: string;
  scope: { siteId?: string; enterpriseId?: string; locationId?: string };
  targetUserId?: string;
  targetUserIds: string[];
  changes: { field: string; from: unknown; to: unknown }[];
  events: { type: string; data: Record<string, unknown> }[];
  justification?: string;
  reason?: string;
  eventIds: string[];
  position: string;
  /** Events and changes past the per-entry bounds: counted, not stored. */
  omittedEvents?: number;
  omittedChanges?: number;
}

/**
 * One command records a handful of events; the bounds keep a runaway transaction's entry far
 * below MongoDB's 16 MB document limit (the events themselves stay in the event store).
 */
export const MAX_EVENTS_PER_ENTRY = 100;
export const MAX_CHANGES_PER_ENTRY = 500;

export interface AuditEntryDocument extends AuditEntryFields, Record<string, unknown> {
  _id: string;
}

/**
 * One entry per confirmation number (one command): all its events, merged scope and targets,
 * before/after changes. Idempotent: an entry remembers the ids of the events folded into it.
 */
export class AuditTrailProjection implements Projection {
  readonly name = 'audit-trail';
  /** 2: nominations and grants record what was requested (`requested.*`), also for nominations stored before. */
  readonly version = 2;
  readonly collections = [AUDIT_COLLECTION];

  constructor(private readonly describers: AuditDescribers) {}

  async setup(store: DocumentStore): Promise<void> {
    const audit = store.collection(AUDIT_COLLECTION);
    await audit.createIndex({ actorId: 1, occurredAt: -1 });
    await audit.createIndex({ targetUserIds: 1 });
    await audit.createIndex({ 'scope.siteId': 1 });
    await audit.createIndex({ 'scope.enterpriseId': 1 });
    await audit.createIndex({ 'scope.locationId': 1 });
    await audit.createIndex({ action: 1 });
    await audit.createIndex({ occurredAt: -1 });
  }

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    const work = new UnitOfWork(store);
    const confirmations: string[] = [];
    for (const event of events)
      if (event.metadata.confirmationNumber) confirmations.push(event.metadata.confirmationNumber);
    await work.prefetch(AUDIT_COLLECTION, confirmations);
    for (const event of events) {
      const { confirmationNumber, actorId, occurredAt, command } = event.metadata;
      if (!confirmationNumber) continue;
      const current = await work.get<AuditEntryDocument>(AUDIT_COLLECTION, confirmationNumber);
      // A transaction's events are consecutive in one stream: anything up to the entry's position is in it already.
      if (current && current.position >= event.position) continue;
      const facts = this.describers.describe(event);
      // The unit of work owns `current` (a copy read for this batch), so it is changed in place.
      const entry: AuditEntryDocument = current ?? {
        _id: confirmationNumber,
        confirmationNumber,
        action: command,
        actorId,
        occurredAt,
        scope: {},
        targetUserIds: [],
        changes: [],
        events: [],
        eventIds: [],
        position: event.position,
      };
      entry.scope = { ...facts.scope, ...entry.scope };
      entry.targetUserIds = [...new Set([...entry.targetUserIds, ...facts.targetUserIds])];
      if (entry.targetUserIds.length > 0) entry.targetUserId = entry.targetUserIds[0];
      const room = Math.max(MAX_CHANGES_PER_ENTRY - entry.changes.length, 0);
      entry.changes.push(...facts.changes.slice(0, room));
      if (facts.changes.length > room) entry.omittedChanges = (entry.omittedChanges ?? 0) + facts.changes.length - room;
      if (entry.events.length < MAX_EVENTS_PER_ENTRY) {
        entry.events.push({ type: event.type, data: this.describers.redact(event) });
        entry.eventIds.push(event.id);
      } else {
        entry.omittedEvents = (entry.omittedEvents ?? 0) + 1;
      }
      if (facts.justification !== undefined) entry.justification = facts.justification;
      if (facts.reason !== undefined) entry.reason = facts.reason;
      entry.position = event.position;
      work.put(AUDIT_COLLECTION, entry);
    }
    await work.flush();
  }
}
