import type { AuditFacts } from '../../../core/src/index.js';
import type { NotificationDeliveryEvent } from './notification-delivery.js';
import type { UserPreferencesEvent } from './user-preferences.js';

export function describeUserPreferencesEvent(event: UserPreferencesEvent): AuditFacts {
  return { scope: {}, targetUserIds: [event.data.userId], changes: [{ field: 'notificationEmail', from: event.data.from, to: event.data.to }] };
}

export function describeNotificationDeliveryEvent(event: NotificationDeliveryEvent): AuditFacts {
  return { scope: {}, targetUserIds: [], changes: [{ field: `notification(${event.data.notificationId})`, from: 'queued', to: 'sent' }] };
}
