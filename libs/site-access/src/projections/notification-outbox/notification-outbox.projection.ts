import type { RecordedEvent } from '#core';
import { type DocumentStore, type Projection, type ProjectionPart, UnitOfWork } from '#read-store';
import type { NotificationDeliveryEvent } from '../../domain/notification-delivery.js';
import { type SiteEvent, siteEvents } from '../../domain/site.events.js';
import { SITE_COLLECTIONS as C } from '../read-models.js';
import { decisionEmail } from './decision-email.js';

type Decision = Extract<SiteEvent, { type: 'AccessGranted' | 'AccessDenied' }>;
type OutboxSite = { _id: string; name: string };

/**
 * The outbox: one e-mail per grant or denial, keyed by the deciding event's id (so replays never
 * queue it twice), marked sent when its delivery is recorded. It keeps each site's name in its own
 * collection (from SiteRegistered; a site is never renamed), so it reads no other projection's
 * collection and gives the same outbox whatever order the projections run in. Other contexts add
 * their e-mails through `parts` (wired in libs/composition), each with its own collections.
 */
export class NotificationOutboxProjection implements Projection {
  readonly name = 'notification-outbox';
  // 2: site names from its own collection instead of the site summaries; plus each part's version.
  readonly version: number;
  readonly collections: string[];

  constructor(private readonly parts: readonly ProjectionPart[] = []) {
    this.version = 2 + parts.reduce((sum, part) => sum + part.version, 0);
    this.collections = [C.notifications, C.outboxSites, ...parts.flatMap((part) => part.collections)];
  }

  async setup(store: DocumentStore): Promise<void> {
    for (const part of this.parts) await part.setup?.(store);
    await store.collection(C.notifications).createIndex({ userId: 1, createdAt: -1 });
    // The mailer's oldest-queued-first page: ordered by the index, not by sorting every queued e-mail.
    await store.collection(C.notifications).createIndex({ status: 1, createdAt: 1 });
  }

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    const work = new UnitOfWork(store);
    for (const event of events) {
      for (const part of this.parts) await part.apply(event, work, C.notifications);
      if (event.type === 'SiteRegistered' || event.type === 'AccessGranted' || event.type === 'AccessDenied') {
        const siteEvent = siteEvents.read(event);
        if (siteEvent?.type === 'SiteRegistered')
          work.put(C.outboxSites, { _id: siteEvent.data.siteId, name: siteEvent.data.name });
        else if (siteEvent) await queue(siteEvent as Decision, event, work);
      } else if (event.type === 'NotificationSent') {
        const { notificationId } = (event as unknown as NotificationDeliveryEvent).data;
        const current = await work.get(C.notifications, notificationId);
        if (current)
          work.put(C.notifications, {
            ...current,
            _id: notificationId,
            status: 'sent',
            sentAt: event.metadata.occurredAt,
          });
      }
    }
    await work.flush();
  }
}

/** Queues the decision's e-mail once: a replayed decision finds its e-mail and leaves it as it is. */
async function queue(decision: Decision, event: RecordedEvent, work: UnitOfWork): Promise<void> {
  if ((await work.get(C.notifications, event.id)) !== undefined) return;
  const site = await work.get<OutboxSite>(C.outboxSites, decision.data.siteId);
  const { subject, body } = decisionEmail(decision, site?.name ?? '', event.metadata.confirmationNumber);
  // Never the e-mail typed into the request; decisions stored before verified addresses are upcast (site.events.ts).
  const to = decision.data.verifiedEmail ?? null;
  work.put(C.notifications, {
    _id: event.id,
    notificationId: event.id,
    userId: decision.data.userId,
    to,
    subject,
    body,
    siteId: decision.data.siteId,
    confirmationNumber: event.metadata.confirmationNumber,
    createdAt: event.metadata.occurredAt,
    // Without a verified address there is nobody to tell: never fall back to a typed one.
    status: to ? 'queued' : 'no_verified_address',
  });
}
