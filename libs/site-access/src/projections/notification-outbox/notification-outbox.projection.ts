import type { RecordedEvent } from '#core';
import { type DocumentStore, type Projection, type ProjectionPart, UnitOfWork } from '#read-store';
import {
  type NotificationPerson,
  type SiteAdministrator,
  addressOf,
  approversOf,
  contactReviewersOf,
  contactsDueForReview,
  nextMonthStart,
  receivesOptional,
  reminderDueAt,
} from '../../domain/notification-audience.js';
import type { NotificationDeliveryEvent } from '../../domain/notification-delivery.js';
import { fullPrivileges } from '../../domain/privileges.js';
import { SCHEDULED_NOTICE_TYPES, type ScheduledNoticeEvent } from '../../domain/scheduled-notice.js';
import { type SiteEvent, siteEvents } from '../../domain/site.events.js';
import type { UserPreferencesEvent } from '../../domain/user-preferences.js';
import { SITE_COLLECTIONS as C, type NotificationKind } from '../read-models.js';
import { type PendingRequest, accessRequestEmail } from './access-request-email.js';
import { type ContactToReview, contactReviewEmail } from './contact-review-email.js';
import { decisionEmail } from './decision-email.js';
import { welcomeEmail } from './welcome-email.js';

type Decision = Extract<SiteEvent, { type: 'AccessGranted' | 'AccessDenied' }>;
/** The outbox's record of a site: its name, administrators, contacts and next monthly review. */
export type OutboxSite = {
  _id: string;
  name: string;
  admins?: SiteAdministrator[];
  contacts?: ContactToReview[];
  /** When the scheduler next records the site's monthly contact review. */
  nextReviewAt?: string;
  position?: string;
};
/** A request; `remindAt` is dropped once its reminder is due or it is decided. */
export type OutboxRequest = PendingRequest & { _id: string; remindAt?: string; decided?: boolean; position: string };
type OutboxPerson = NotificationPerson & { _id: string; position: string };

const PEOPLE_EVENTS = new Set(['NotificationEmailChanged', 'NotificationSubscriptionChanged']);
const NOTICE_EVENTS = new Set<string>(SCHEDULED_NOTICE_TYPES);

/**
 * The outbox: every e-mail site access sends, composed from the events when they are projected,
 * keyed by the event's id (and the recipient, when several people are told), so replays never
 * queue one twice; marked sent when its delivery is recorded. Decisions (grant, denial, welcome
 * after a direct add) go to the person concerned; a new request, its 7-day reminder and the
 * monthly contact review go to the site's administrators who may act on them, unless they
 * unsubscribed. To compose them it keeps its own collections (sites with their administrators and
 * contacts, people's eNotification settings, pending requests), built from the events alone, so it
 * reads no other projection's collection and gives the same outbox whatever order the projections
 * run in. Its site and request collections are also what the notice scheduler finds due. Other
 * contexts add their e-mails through `parts` (wired in libs/composition), each with its own collections.
 */
export class NotificationOutboxProjection implements Projection {
  readonly name = 'notification-outbox';
  // 2: site names from its own collection instead of the site summaries.
  // 3: approvers' e-mails, reminders, monthly contact reviews, welcome e-mails, subscriptions; plus each part's version.
  readonly version: number;
  readonly collections: string[];

  constructor(private readonly parts: readonly ProjectionPart[] = []) {
    this.version = 3 + parts.reduce((sum, part) => sum + part.version, 0);
    this.collections = [
      C.notifications,
      C.outboxSites,
      C.outboxPeople,
      C.outboxRequests,
      ...parts.flatMap((part) => part.collections),
    ];
  }

  async setup(store: DocumentStore): Promise<void> {
    for (const part of this.parts) await part.setup?.(store);
    await store.collection(C.notifications).createIndex({ userId: 1, createdAt: -1 });
    // The mailer's oldest-queued-first page: ordered by the index, not by sorting every queued e-mail.
    await store.collection(C.notifications).createIndex({ status: 1, createdAt: 1 });
    // The notice scheduler's "what is due now" reads.
    await store.collection(C.outboxRequests).createIndex({ remindAt: 1 });
    await store.collection(C.outboxSites).createIndex({ nextReviewAt: 1 });
  }

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    const work = new UnitOfWork(store);
    for (const event of events) {
      for (const part of this.parts) await part.apply(event, work, C.notifications);
      const siteEvent = siteEvents.readRecorded(event);
      if (siteEvent) await onSiteEvent(siteEvent, event, work);
      else if (PEOPLE_EVENTS.has(event.type)) await onPreferences(event, work);
      else if (NOTICE_EVENTS.has(event.type)) await onNotice(event, work);
      else if (event.type === 'NotificationSent' || event.type === 'NotificationExpired') {
        const { notificationId } = (event as unknown as NotificationDeliveryEvent).data;
        const current = await work.get(C.notifications, notificationId);
        const sent = event.type === 'NotificationSent';
        if (current)
          work.put(C.notifications, {
            ...current,
            _id: notificationId,
            status: sent ? 'sent' : 'expired',
            [sent ? 'sentAt' : 'expiredAt']: event.metadata.occurredAt,
          });
      }
    }
    await work.flush();
  }
}

/** A document this event is news to (absent, or last changed by an earlier event); undefined when stale. */
async function fresh<T extends { position?: string }>(
  work: UnitOfWork,
  collection: string,
  _id: string,
  event: RecordedEvent,
): Promise<{ current: T | undefined } | undefined> {
  const current = await work.get<T & { _id: string }>(collection, _id);
  if (current?.position !== undefined && current.position >= event.position) return undefined;
  return { current };
}

async function onSiteEvent(siteEvent: SiteEvent, event: RecordedEvent, work: UnitOfWork): Promise<void> {
  const { siteId } = siteEvent.data;
  const { occurredAt, confirmationNumber } = event.metadata;
  switch (siteEvent.type) {
    case 'AccessGranted':
    case 'AccessDenied':
      await queueDecision(siteEvent, event, work);
      await forgetRequest(siteEvent.data.requestId, event, work);
      break; // a granted secondary becomes an administrator
    case 'UserAdded': {
      const site = await work.get<OutboxSite>(C.outboxSites, siteId);
      const { subject, body } = welcomeEmail(siteEvent, site?.name ?? '', confirmationNumber);
      const person = await work.get<OutboxPerson>(C.outboxPeople, siteEvent.data.userId);
      await queue(work, event, 'welcome', siteEvent.data.userId, addressOf(siteEvent.data.userId, person), {
        subject,
        body,
        siteId,
        confirmationNumber,
      });
      break;
    }
    case 'UserNominated': {
      const { requestId, userId, businessJustification, requestedRole, requestedPrivileges } = siteEvent.data;
      const request: OutboxRequest = {
        _id: requestId,
        siteId,
        requestId,
        userId,
        businessJustification,
        requestedRole,
        requestedPrivileges,
        requestedAt: occurredAt,
        confirmationNumber,
        remindAt: reminderDueAt(occurredAt),
        position: event.position,
      };
      // A replay finds the request and leaves it, and its e-mails, as they are.
      if ((await work.get(C.outboxRequests, requestId)) !== undefined) return;
      work.put(C.outboxRequests, request);
      const site = await work.get<OutboxSite>(C.outboxSites, siteId);
      const mail = accessRequestEmail(request, site?.name ?? '');
      await queueOptional(work, event, 'access_request', approversOf(site?.admins ?? []), {
        ...mail,
        siteId,
        confirmationNumber,
      });
      return;
    }
    case 'NominationJustificationEdited': {
      const found = await fresh<OutboxRequest>(work, C.outboxRequests, siteEvent.data.requestId, event);
      if (found?.current)
        work.put(C.outboxRequests, {
          ...found.current,
          businessJustification: siteEvent.data.to,
          position: event.position,
        });
      return;
    }
  }
  await trackSite(siteEvent, event, work);
}

/** Keeps the outbox's site record (name, administrators, contacts, next review) current. */
async function trackSite(siteEvent: SiteEvent, event: RecordedEvent, work: UnitOfWork): Promise<void> {
  if (!concernsAdministratorsOrContacts(siteEvent)) return; // most events of a big site: nothing to write
  const { siteId } = siteEvent.data;
  const found = await fresh<OutboxSite>(work, C.outboxSites, siteId, event);
  if (!found) return;
  const at = event.metadata.occurredAt;
  const site: OutboxSite = found.current ?? { _id: siteId, name: '' };
  let admins = site.admins ?? [];
  let contacts = site.contacts ?? [];
  const setAdmin = (admin: SiteAdministrator) => {
    admins = [...admins.filter((a) => a.userId !== admin.userId), admin];
  };
  const dropAdmin = (userId: string) => {
    admins = admins.filter((a) => a.userId !== userId);
  };
  const full = fullPrivileges();
  const primary = (userId: string): SiteAdministrator => ({
    userId,
    role: 'primary',
    manageAccess: full.manageAccess,
    contactUpdates: full.contactUpdates,
  });
  const contactOf = (
    c: Extract<SiteEvent, { type: 'ContactUpdated' }>['data']['contact'],
    before?: ContactToReview,
  ) => ({
    contactId: c.contactId,
    firstName: c.firstName,
    lastName: c.lastName,
    contactTypes: [...c.contactTypes],
    changedAt: at,
    ...(before?.reviewedAt ? { reviewedAt: before.reviewedAt, reviewedBy: before.reviewedBy } : {}),
  });
  const extra: Partial<OutboxSite> = {};
  switch (siteEvent.type) {
    case 'SiteRegistered':
      extra.name = siteEvent.data.name;
      extra.nextReviewAt = nextMonthStart(at);
      admins = [primary(siteEvent.data.primary.userId)];
      contacts = [contactOf(siteEvent.data.contact)];
      break;
    case 'UserAdded':
      if (siteEvent.data.role === 'secondary')
        setAdmin({ userId: siteEvent.data.userId, role: 'secondary', ...accountPrivileges(siteEvent.data.privileges) });
      break;
    case 'AccessGranted':
      if (siteEvent.data.role === 'secondary')
        setAdmin({ userId: siteEvent.data.userId, role: 'secondary', ...accountPrivileges(siteEvent.data.privileges) });
      break;
    case 'RoleChanged':
      // A user holds no Account Management privileges, so a new secondary starts with none of them.
      if (siteEvent.data.to === 'secondary')
        setAdmin({ userId: siteEvent.data.userId, role: 'secondary', manageAccess: 'none', contactUpdates: 'none' });
      else dropAdmin(siteEvent.data.userId);
      break;
    case 'PrivilegesChanged': {
      const admin = admins.find((a) => a.userId === siteEvent.data.userId);
      if (admin) setAdmin({ ...admin, ...accountPrivileges(siteEvent.data.to) });
      break;
    }
    case 'UserRemoved':
      dropAdmin(siteEvent.data.userId);
      break;
    case 'PrimaryContactTransferred': {
      const { from, to, formerPrimaryRole, formerPrimaryPrivileges } = siteEvent.data;
      if (formerPrimaryRole === 'secondary')
        setAdmin({ userId: from.userId, role: 'secondary', ...accountPrivileges(formerPrimaryPrivileges) });
      else dropAdmin(from.userId);
      setAdmin(primary(to.userId));
      break;
    }
    case 'ContactUpdated': {
      const before = contacts.find((c) => c.contactId === siteEvent.data.contactId);
      contacts = [
        ...contacts.filter((c) => c.contactId !== siteEvent.data.contactId),
        contactOf(siteEvent.data.contact, before),
      ];
      break;
    }
    case 'ContactRemoved':
      contacts = contacts.filter((c) => c.contactId !== siteEvent.data.contactId);
      break;
    case 'ContactReviewed': {
      const { contactId, reviewedAt, reviewedBy } = siteEvent.data;
      contacts = contacts.map((c) => (c.contactId === contactId ? { ...c, reviewedAt, reviewedBy } : c));
      break;
    }
    default:
      return;
  }
  work.put(C.outboxSites, { ...site, ...extra, admins, contacts, position: event.position });
}

/** Whether the event can change the site's administrators or contacts (users joining or leaving cannot). */
function concernsAdministratorsOrContacts(event: SiteEvent): boolean {
  switch (event.type) {
    case 'UserAdded':
    case 'AccessGranted':
      return event.data.role === 'secondary';
    case 'UserRemoved':
      return event.data.role === 'secondary';
    case 'AccessDenied':
      return false;
    case 'PrivilegesChanged':
      return (
        event.data.from.manageAccess !== event.data.to.manageAccess ||
        event.data.from.contactUpdates !== event.data.to.contactUpdates
      );
    default:
      return true;
  }
}

const accountPrivileges = (p: {
  manageAccess: SiteAdministrator['manageAccess'];
  contactUpdates: SiteAdministrator['contactUpdates'];
}) => ({
  manageAccess: p.manageAccess,
  contactUpdates: p.contactUpdates,
});

/** A decided request is reminded of no more (kept, so a replayed nomination is recognised). */
async function forgetRequest(requestId: string, event: RecordedEvent, work: UnitOfWork): Promise<void> {
  const found = await fresh<OutboxRequest>(work, C.outboxRequests, requestId, event);
  if (!found?.current) return;
  const { remindAt: _dropped, ...request } = found.current;
  work.put(C.outboxRequests, { ...request, decided: true, position: event.position });
}

/** A person's eNotification address and subscription (absolute values, guarded by position). */
async function onPreferences(event: RecordedEvent, work: UnitOfWork): Promise<void> {
  const preferences = event as unknown as UserPreferencesEvent;
  const found = await fresh<OutboxPerson>(work, C.outboxPeople, preferences.data.userId, event);
  if (!found) return;
  const person: OutboxPerson = found.current ?? { _id: preferences.data.userId, position: event.position };
  work.put(C.outboxPeople, {
    ...person,
    ...(preferences.type === 'NotificationEmailChanged'
      ? { email: preferences.data.to }
      : { subscribed: preferences.data.to }),
    position: event.position,
  });
}

/** A reminder or a monthly review the scheduler found due: the e-mails to the administrators who may act. */
async function onNotice(event: RecordedEvent, work: UnitOfWork): Promise<void> {
  const notice = event as unknown as ScheduledNoticeEvent;
  if (notice.type === 'AccessRequestReminderDue') {
    const found = await fresh<OutboxRequest>(work, C.outboxRequests, notice.data.requestId, event);
    // Decided meanwhile or reminded already (no remindAt): nobody is reminded.
    if (!found?.current?.remindAt) return;
    const { remindAt: _done, ...request } = found.current;
    work.put(C.outboxRequests, { ...request, position: event.position });
    const site = await work.get<OutboxSite>(C.outboxSites, request.siteId);
    const mail = accessRequestEmail(request, site?.name ?? '', true);
    await queueOptional(work, event, 'access_request_reminder', approversOf(site?.admins ?? []), {
      ...mail,
      siteId: request.siteId,
      confirmationNumber: request.confirmationNumber,
    });
    return;
  }
  const { siteId, month, dueAt } = notice.data;
  const found = await fresh<OutboxSite>(work, C.outboxSites, siteId, event);
  if (!found?.current) return;
  const site = found.current;
  work.put(C.outboxSites, { ...site, nextReviewAt: nextMonthStart(dueAt), position: event.position });
  const due = contactsDueForReview(site.contacts ?? [], dueAt);
  if (due.length === 0) return; // nothing to review: no e-mail this month
  const confirmationNumber = event.metadata.confirmationNumber;
  const mail = contactReviewEmail(siteId, site.name, month, due, confirmationNumber);
  await queueOptional(work, event, 'contact_review', contactReviewersOf(site.admins ?? []), {
    ...mail,
    siteId,
    confirmationNumber,
  });
}

type Mail = { subject: string; body: string; siteId: string; confirmationNumber: string };

/** An optional e-mail to each of `userIds` who has not unsubscribed, one notification per recipient. */
async function queueOptional(
  work: UnitOfWork,
  event: RecordedEvent,
  kind: NotificationKind,
  userIds: readonly string[],
  mail: Mail,
): Promise<void> {
  for (const userId of userIds) {
    const person = await work.get<OutboxPerson>(C.outboxPeople, userId);
    if (!receivesOptional(person)) continue;
    await queueOnce(work, event, kind, userId, addressOf(userId, person), mail, `${event.id}:${userId}`);
  }
}

function queue(
  work: UnitOfWork,
  event: RecordedEvent,
  kind: NotificationKind,
  userId: string,
  to: string | null,
  mail: Mail,
): Promise<void> {
  return queueOnce(work, event, kind, userId, to, mail, event.id);
}

/** Queues one e-mail unless a replay already did; without an address there is nobody to tell. */
async function queueOnce(
  work: UnitOfWork,
  event: RecordedEvent,
  kind: NotificationKind,
  userId: string,
  to: string | null,
  mail: Mail,
  id: string,
): Promise<void> {
  if ((await work.get(C.notifications, id)) !== undefined) return;
  work.put(C.notifications, {
    _id: id,
    notificationId: id,
    kind,
    userId,
    to,
    subject: mail.subject,
    body: mail.body,
    siteId: mail.siteId,
    confirmationNumber: mail.confirmationNumber,
    createdAt: event.metadata.occurredAt,
    status: to ? 'queued' : 'no_verified_address',
  });
}

/** Queues the decision's e-mail once: a replayed decision finds its e-mail and leaves it as it is. */
async function queueDecision(decision: Decision, event: RecordedEvent, work: UnitOfWork): Promise<void> {
  const site = await work.get<OutboxSite>(C.outboxSites, decision.data.siteId);
  const { subject, body } = decisionEmail(decision, site?.name ?? '', event.metadata.confirmationNumber);
  // Never the e-mail typed into the request; decisions stored before verified addresses are upcast (site.events.ts).
  await queue(work, event, 'access_decision', decision.data.userId, decision.data.verifiedEmail ?? null, {
    subject,
    body,
    siteId: decision.data.siteId,
    confirmationNumber: event.metadata.confirmationNumber,
  });
}
