import type { RecordedEvent } from '#core';
import type { DocumentStore, Projection } from '#read-store';
import type { UserPreferencesEvent } from '../../domain/user-preferences.js';
import { SITE_COLLECTIONS as C } from '../read-models.js';

/** Each person's eNotification e-mail: an absolute value, so replays change nothing. */
export class UserPreferencesProjection implements Projection {
  readonly name = 'user-preferences';
  readonly collections = [C.preferences];

  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    for (const event of events) {
      if (event.type !== 'NotificationEmailChanged') continue;
      const { userId, to } = (event as unknown as UserPreferencesEvent).data;
      await store
        .collection(C.preferences)
        .updateOne(
          { _id: userId },
          { $set: { userId, email: to, updatedAt: event.metadata.occurredAt, position: event.position } },
          { upsert: true },
        );
    }
  }
}
