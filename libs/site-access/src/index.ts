export { siteAccessProjections } from './projections/index.js';
export { SiteAccessModule } from './site-access.module.js';
export { NotificationOutboxModule } from './notifications/notification-outbox.module.js';
export { NotificationMailer } from './notifications/notification-mailer.js';
export { describeSiteEvent } from './domain/site.audit.js';
export { describeNotificationDeliveryEvent, describeUserPreferencesEvent } from './domain/user-preferences.audit.js';
export { SITE_EVENT_TYPES, type SiteEvent } from './domain/site.events.js';
export { sitesAdministeredBy } from './application/administered-sites.js';
export { REDACTED, isContactChange, sitesWithContactView, withoutContactDetails } from './application/contact-redaction.js';
