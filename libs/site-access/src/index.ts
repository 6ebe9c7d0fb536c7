export { siteAccessProjections } from './projections/index.js';
export { SiteAccessModule } from './site-access.module.js';
export { NotificationOutboxModule } from './notifications/notification-outbox.module.js';
export { NotificationMailer } from './notifications/notification-mailer.js';
export { NoticeScheduler } from './notifications/notice-scheduler.js';
export { siteAuditDescriber, siteAdministeredScopes } from './application/site-audit.js';
