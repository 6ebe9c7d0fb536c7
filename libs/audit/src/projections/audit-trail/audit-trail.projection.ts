import type { RecordedEvent } from '#core';
import { type DocumentStore, type Projection, UnitOfWork } from '#read-store';
import type { AuditDescribers } from '../../describe-event.js';

export const AUDIT_COLLECTION = 'audit_trail';

/**
 * What an entry stores: what the queries filter and sort on, and where its transaction's events
 * are. The rest (changes, events, justification, reason) is derived from those events when the
 * entry is read (auditDetails): the event store keeps them forever.
 */
export interface AuditEntryFields {
  confirmationNumber: string;
  action: string;
  actorId: string;
  occurredAt: string;
  scope: { siteId?: string; enterpriseId?: string; locationId?: string };
  targetUserId?: string;
  targetUserIds: string[];
  /**
   * The transaction's events: `eventCount` events of `stream` from `fromRevision` on. One command
   * is one append to one stream (CommandPipeline), so they are consecutive there.
   */
  stream: string;
  fromRevision: number;
  eventCount: number;
  position: string;
}

export interface AuditEntryDocument extends AuditEntryFields, Record<string, unknown> {
  _id: string;
}

/**
 * One entry per confirmation number (one command): merged scope and targets, and a reference to
 * its events. Idempotent: an entry remembers the position of the last event folded into it.
 */
export class AuditTrailProjection implements Projection {
  readonly name = 'audit-trail';
  /**
   * 2: nominations and grants record what was requested (`requested.*`), also for nominations stored before.
   * 3: entries keep a reference to their events (stream, fromRevision, eventCount) instead of copies
   *    of them and of their changes; existing trails are rebuilt.
   */
  readonly version = 3;
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
        stream: event.stream,
        fromRevision: event.revision,
        eventCount: 0,
        position: event.position,
      };
      entry.scope = { ...facts.scope, ...entry.scope };
      entry.targetUserIds = [...new Set([...entry.targetUserIds, ...facts.targetUserIds])];
      if (entry.targetUserIds.length > 0) entry.targetUserId = entry.targetUserIds[0];
      entry.eventCount += 1;
      entry.position = event.position;
      work.put(AUDIT_COLLECTION, entry);
    }
    await work.flush();
  }
}
