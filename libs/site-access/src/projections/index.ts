import type { Projection, ProjectionPart } from '#read-store';
import { NotificationOutboxProjection } from './notification-outbox/notification-outbox.projection.js';
import { SiteAccessProjection } from './site-access/site-access.projection.js';
import { UserPreferencesProjection } from './user-preferences/user-preferences.projection.js';

/** The site-access read models; `outboxParts` add other contexts' e-mails to the notification outbox. */
export function siteAccessProjections(outboxParts: readonly ProjectionPart[] = []): Projection[] {
  return [new SiteAccessProjection(), new NotificationOutboxProjection(outboxParts), new UserPreferencesProjection()];
}
