import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { DomainError, forbidden, normalizeConfirmationNumber, normalizeUserId, notFound, requireInstant } from '#core';
import { EVENT_STORE, type EventStore } from '#event-store';
import { DOCUMENT_STORE, type DocumentStore, type Filter } from '#read-store';
import { AuditVisibility } from '../application/audit-visibility.js';
import { type AuditDetails, MAX_EVENTS_PER_ENTRY, auditDetails } from '../audit-details.js';
import { AuditDescribers } from '../describe-event.js';
import type { AuditScope } from '../ports/audit-describer.port.js';
import {
  AUDIT_COLLECTION,
  type AuditEntryDocument,
  type AuditEntryFields,
} from '../projections/audit-trail/audit-trail.projection.js';

export interface AuditFilter {
  actorId?: string;
  targetUserId?: string;
  siteId?: string;
  enterpriseId?: string;
  locationId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** An entry as the API answers it: the stored fields queries filter on, and the details derived from its events. */
export type AuditEntry = Omit<AuditEntryFields, 'stream' | 'fromRevision' | 'eventCount' | 'position'> & AuditDetails;

export class GetConfirmationQuery extends Query<AuditEntry> {
  constructor(
    readonly principal: Principal,
    readonly confirmationNumber: string,
  ) {
    super();
  }
}

export class SearchAuditQuery extends Query<{ items: AuditEntry[]; total: number }> {
  constructor(
    readonly principal: Principal,
    readonly filter: AuditFilter,
    readonly all = false,
  ) {
    super();
  }
}

@QueryHandler(GetConfirmationQuery)
export class GetConfirmationHandler implements IQueryHandler<GetConfirmationQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(AuditVisibility) private readonly visibility: AuditVisibility,
    @Inject(AuditDescribers) private readonly describers: AuditDescribers,
  ) {}

  async execute({ principal, confirmationNumber }: GetConfirmationQuery): Promise<AuditEntry> {
    const normalized = normalizeConfirmationNumber(confirmationNumber);
    if (!normalized) {
      throw new DomainError('VALIDATION_FAILED', 'Not a confirmation number.', [
        { field: 'confirmationNumber', message: 'must be 12 characters like 7KQ2-M9XD-4PTR' },
      ]);
    }
    const entries = this.store.collection<AuditEntryDocument>(AUDIT_COLLECTION);
    const entry = await entries.findOne({ _id: normalized });
    if (!entry) throw notFound(`No transaction has confirmation number ${normalized}.`);
    const visible = await this.visibility.filterFor(principal, true);
    if (!visible || (await entries.countDocuments({ $and: [{ _id: normalized }, visible] })) === 0) {
      const mine = entry.targetUserIds.includes(principal.userId)
        ? shownToTarget(await withDetails(entry, this.events, this.describers), principal.userId, this.describers)
        : undefined;
      if (mine) return mine;
      throw forbidden(
        'Only the actor, the person it is about, administrators of the scope, auditors and operators may see this transaction.',
      );
    }
    const [full, mayViewContacts] = await Promise.all([
      withDetails(entry, this.events, this.describers),
      this.visibility.contactViewer(principal),
    ]);
    return shownTo(full, mayViewContacts, this.describers);
  }
}

@QueryHandler(SearchAuditQuery)
export class SearchAuditHandler implements IQueryHandler<SearchAuditQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(AuditVisibility) private readonly visibility: AuditVisibility,
    @Inject(AuditDescribers) private readonly describers: AuditDescribers,
  ) {}

  async execute({ principal, filter, all }: SearchAuditQuery) {
    const visible = await this.visibility.filterFor(principal);
    if (!visible) throw forbidden('The audit trail is for auditors, operators and administrators of their own scopes.');
    const conditions: Filter[] = [visible];
    if (filter.actorId) conditions.push({ actorId: normalizeUserId(filter.actorId) });
    if (filter.targetUserId) conditions.push({ targetUserIds: normalizeUserId(filter.targetUserId) });
    if (filter.siteId) conditions.push({ 'scope.siteId': filter.siteId });
    if (filter.enterpriseId) conditions.push({ 'scope.enterpriseId': filter.enterpriseId });
    if (filter.locationId) conditions.push({ 'scope.locationId': filter.locationId });
    if (filter.action) conditions.push({ action: filter.action });
    if (filter.from) conditions.push({ occurredAt: { $gte: requireInstant('from', filter.from).toISOString() } });
    if (filter.to) conditions.push({ occurredAt: { $lte: requireInstant('to', filter.to).toISOString() } });
    const query = flatten(conditions);
    const entries = this.store.collection<AuditEntryDocument>(AUDIT_COLLECTION);
    const paging = all ? {} : { limit: filter.limit ?? 50, skip: filter.offset ?? 0 };
    const [page, total, mayViewContacts] = await Promise.all([
      entries.find(query, { sort: { occurredAt: -1, _id: -1 }, ...paging }),
      entries.countDocuments(query),
      this.visibility.contactViewer(principal),
    ]);
    // Only the page's entries read their events (one bounded stream read each, concurrently).
    const items = await Promise.all(page.map((entry) => withDetails(entry, this.events, this.describers)));
    return { items: items.map((entry) => shownTo(entry, mayViewContacts, this.describers)), total };
  }
}

/**
 * The entry as it is answered: its stored fields and the details folded from its transaction's
 * events (at most MAX_EVENTS_PER_ENTRY of them are read), in the order the API has always listed them.
 */
async function withDetails(
  entry: AuditEntryDocument,
  events: EventStore,
  describers: AuditDescribers,
): Promise<AuditEntry> {
  const recorded = await events.readStream(entry.stream, {
    fromRevision: entry.fromRevision,
    maxCount: Math.min(entry.eventCount, MAX_EVENTS_PER_ENTRY),
  });
  const details = auditDetails(recorded, entry.eventCount, describers);
  return {
    confirmationNumber: entry.confirmationNumber,
    action: entry.action,
    actorId: entry.actorId,
    occurredAt: entry.occurredAt,
    scope: entry.scope,
    targetUserIds: entry.targetUserIds,
    changes: details.changes,
    events: details.events,
    ...(entry.targetUserId !== undefined ? { targetUserId: entry.targetUserId } : {}),
    ...(details.omittedChanges !== undefined ? { omittedChanges: details.omittedChanges } : {}),
    ...(details.omittedEvents !== undefined ? { omittedEvents: details.omittedEvents } : {}),
    ...(details.justification !== undefined ? { justification: details.justification } : {}),
    ...(details.reason !== undefined ? { reason: details.reason } : {}),
  };
}

/** Contact details stay with those who may view the site's contacts (as GET .../contacts decides). */
function shownTo(
  entry: AuditEntry,
  mayViewContacts: (scope: AuditScope) => boolean,
  describers: AuditDescribers,
): AuditEntry {
  if (mayViewContacts(entry.scope)) return entry;
  return {
    ...entry,
    changes: entry.changes.map((c) =>
      describers.isContactChange(c.field) ? { field: c.field, from: REDACTED, to: REDACTED } : c,
    ),
    events: entry.events.map((e) => describers.withoutContactDetails(e) as AuditEntry['events'][number]),
  };
}

/**
 * A transaction as the person it is about sees it (e.g. the requester, with the number from their
 * decision e-mail): only their own part — no other person it concerns, no contact details.
 */
function shownToTarget(entry: AuditEntry, userId: string, describers: AuditDescribers): AuditEntry | undefined {
  const events = describers.asSeenByTarget(entry.events, userId);
  if (!events) return undefined;
  const others = entry.targetUserIds.filter((id) => id !== userId);
  const aboutOthers = (field: string) => others.some((other) => field.includes(`(${other})`));
  return {
    ...entry,
    targetUserId: userId,
    targetUserIds: [userId],
    changes: entry.changes
      .filter((c) => !aboutOthers(c.field))
      .map((c) => (describers.isContactChange(c.field) ? { field: c.field, from: REDACTED, to: REDACTED } : c)),
    events: events as AuditEntry['events'],
  };
}

const REDACTED = '(redacted)';

/** Top-level equality fields stay top-level, so the store's indexes can serve them. */
function flatten(conditions: Filter[]): Filter {
  const merged: Filter = {};
  const rest: Filter[] = [];
  for (const condition of conditions) {
    const keys = Object.keys(condition);
    if (keys.length === 1 && !keys[0]!.startsWith('$') && !(keys[0]! in merged)) Object.assign(merged, condition);
    else if (keys.length > 0) rest.push(condition);
  }
  return rest.length > 0 ? { ...merged, $and: rest } : merged;
}
