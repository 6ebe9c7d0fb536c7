import type { RecordedEvent } from '../../../../core/src/index.js';
import { type DocumentStore, type Projection, UnitOfWork } from '../../../../read-store/src/index.js';
import type { NotificationDeliveryEvent } from '../../domain/notification-delivery.js';
import { type SiteEvent, siteEvents } from '../../domain/site.events.js';
import { SITE_COLLECTIONS as C } from '../read-models.js';
import { decisionEmail } from './decision-email.js';

type Decision = Extract<SiteEvent, { type: 'AccessGranted' | 'AccessDenied' }>;

/**
 * The outbox: one e-mail per grant or denial, keyed by the deciding event's id (so replays never
 * queue it twice), marked sent when its delivery is recorded.
 */
export class NotificationOutboxProjection implements Projection {
  readonly name = 'notification-outbox';
  readonly collections = [C.notifications];

  async setup(store: DocumentStore): Promise<void> {
    await store.collection(C.notifications).createIndex({ userId: 1, createdAt: -1 });
    // The mailer's oldest-queued-first page: ordered by the index, not by sorting every queued e-mail.
    await store.collection(C.notifications).createIndex({ status: 1, createdAt: 1 });
  }

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    // Read once per batch, written once: site summaries are only read (their projection runs first).
    const work = new UnitOfWork(store);
    for (const event of events) {
      const decision = event.type === 'AccessGranted' || event.type === 'AccessDenied' ? (siteEvents.read(event) as Decision) : undefined;
      if (decision) {
        // Queued once: a replayed decision finds its e-mail and leaves it as it is.
        if ((await work.get(C.notifications, event.id)) !== undefined) continue;
        const site = await work.get(C.summaries, decision.data.siteId);
        const { subject, body } = decisionEmail(decision, (site?.name as string) ?? '', event.metadata.confirmationNumber);
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
      } else if (event.type === 'NotificationSent') {
        const { notificationId } = (event as unknown as NotificationDeliveryEvent).data;
        const current = await work.get(C.notifications, notificationId);
        if (current) work.put(C.notifications, { ...current, _id: notificationId, status: 'sent', sentAt: event.metadata.occurredAt });
      }
    }
    await work.flush();
  }
}
