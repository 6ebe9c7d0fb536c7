import type { RecordedEvent } from '#core';
import type { DocumentStore, Projection } from '#read-store';
import type { UserPreferencesEvent } from '../../domain/user-preferences.js';
import { SITE_COLLECTIONS as C } from '../read-models.js';

/** Each person's eNotification e-mail and subscription: absolute values, so replays change nothing. */
export class UserPreferencesProjection implements Projection {
  readonly name = 'user-preferences';
  // 2: the subscription (NotificationSubscriptionChanged).
  readonly version = 2;
  readonly collections = [C.preferences];

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    for (const event of events) {
      if (event.type !== 'NotificationEmailChanged' && event.type !== 'NotificationSubscriptionChanged') continue;
      const preferences = event as unknown as UserPreferencesEvent;
      const { userId } = preferences.data;
      const value =
        preferences.type === 'NotificationEmailChanged'
          ? { email: preferences.data.to }
          : { subscribed: preferences.data.to };
      await store
        .collection(C.preferences)
        .updateOne(
          { _id: userId },
          { $set: { userId, ...value, updatedAt: event.metadata.occurredAt, position: event.position } },
          { upsert: true },
        );
    }
  }
}
