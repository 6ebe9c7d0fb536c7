import type { Projection } from '#read-store';
import { NotificationOutboxProjection } from './notification-outbox/notification-outbox.projection.js';
import { SiteAccessProjection } from './site-access/site-access.projection.js';
import { UserPreferencesProjection } from './user-preferences/user-preferences.projection.js';

export function siteAccessProjections(): Projection[] {
  return [new SiteAccessProjection(), new NotificationOutboxProjection(), new UserPreferencesProjection()];
}
