import { Module } from '@nestjs/common';
import { siteCommandServices } from './application/site-commands.js';
import { SiteReadAccess } from './application/site-read-access.js';
import { SiteReads } from './application/site-reads.js';
import { AccessRequestsCommandsController } from './http/access-requests-commands.controller.js';
import { AccessRequestsQueriesController } from './http/access-requests-queries.controller.js';
import { MeCommandsController } from './http/me-commands.controller.js';
import { MeQueriesController } from './http/me-queries.controller.js';
import { SiteContactsCommandsController } from './http/site-contacts-commands.controller.js';
import { SiteContactsQueriesController } from './http/site-contacts-queries.controller.js';
import { SiteRecipientsQueriesController } from './http/site-recipients-queries.controller.js';
import { SiteUsersCommandsController } from './http/site-users-commands.controller.js';
import { SiteUsersQueriesController } from './http/site-users-queries.controller.js';
import { SitesCommandsController } from './http/sites-commands.controller.js';
import { SitesQueriesController } from './http/sites-queries.controller.js';
import { NotificationOutboxModule } from './notifications/notification-outbox.module.js';
import {
  GetAccessRequestHandler,
  ListAccessRequestsHandler,
} from './queries/access-requests/access-requests.queries.js';
import { MyListHandler, MyNotificationPreferencesHandler } from './queries/me/me.queries.js';
import { ListContactsHandler } from './queries/site-contacts/site-contacts.queries.js';
import { GetSiteRecipientsHandler } from './queries/site-recipients/site-recipients.queries.js';
import {
  GetUserAccessHandler,
  GetUserHistoryHandler,
  ListSiteUsersHandler,
} from './queries/site-users/site-users.queries.js';
import { GetSiteSummaryHandler } from './queries/sites/sites.queries.js';

const commandControllers = [
  SitesCommandsController,
  SiteUsersCommandsController,
  SiteContactsCommandsController,
  AccessRequestsCommandsController,
  MeCommandsController,
];
const queryControllers = [
  SitesQueriesController,
  SiteUsersQueriesController,
  AccessRequestsQueriesController,
  SiteContactsQueriesController,
  SiteRecipientsQueriesController,
  MeQueriesController,
];

const queryHandlers = [
  GetSiteSummaryHandler,
  ListSiteUsersHandler,
  GetUserAccessHandler,
  ListAccessRequestsHandler,
  GetAccessRequestHandler,
  ListContactsHandler,
  GetSiteRecipientsHandler,
  MyListHandler,
  MyNotificationPreferencesHandler,
  GetUserHistoryHandler,
];

/** Site access (Passport Advantage): contacts, users, roles, privileges, self-nominations. */
@Module({
  imports: [NotificationOutboxModule],
  controllers: [...commandControllers, ...queryControllers],
  providers: [...siteCommandServices, SiteReadAccess, SiteReads, ...queryHandlers],
})
export class SiteAccessModule {}
