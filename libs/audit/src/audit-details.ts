import type { AuditDescribers } from './describe-event.js';
import type { AuditedEvent } from './ports/audit-describer.port.js';

/**
 * One command records a handful of events; the bounds keep a runaway transaction's answer (and
 * read) small: past them, events and changes are counted, not shown (the event store has them all).
 */
export const MAX_EVENTS_PER_ENTRY = 100;
export const MAX_CHANGES_PER_ENTRY = 500;

/** What an audit entry shows of its transaction beyond what queries filter on: derived from its events. */
export interface AuditDetails {
  changes: { field: string; from: unknown; to: unknown }[];
  events: { type: string; data: Record<string, unknown> }[];
  justification?: string;
  reason?: string;
  /** Events of the transaction past MAX_EVENTS_PER_ENTRY: counted, not shown. */
  omittedEvents?: number;
  /** Changes past MAX_CHANGES_PER_ENTRY: counted, not shown. */
  omittedChanges?: number;
}

/**
 * Folds a transaction's events (at most MAX_EVENTS_PER_ENTRY of them, read in order) into its
 * details: before/after changes, the payloads as the trail shows them (redacted), the last
 * justification and reason. `eventCount` is how many events the transaction recorded in all.
 */
export function auditDetails(
  events: readonly AuditedEvent[],
  eventCount: number,
  describers: AuditDescribers,
): AuditDetails {
  const shown = events.slice(0, MAX_EVENTS_PER_ENTRY);
  const details: AuditDetails = { changes: [], events: [] };
  let omittedChanges = 0;
  for (const event of shown) {
    const facts = describers.describe(event);
    const room = Math.max(MAX_CHANGES_PER_ENTRY - details.changes.length, 0);
    details.changes.push(...facts.changes.slice(0, room));
    omittedChanges += Math.max(facts.changes.length - room, 0);
    details.events.push({ type: event.type, data: describers.redact(event) });
    if (facts.justification !== undefined) details.justification = facts.justification;
    if (facts.reason !== undefined) details.reason = facts.reason;
  }
  const omittedEvents = Math.max(eventCount, events.length) - shown.length;
  if (omittedEvents > 0) details.omittedEvents = omittedEvents;
  if (omittedChanges > 0) details.omittedChanges = omittedChanges;
  return details;
}
