import { Module } from '@nestjs/common';
import { siteCommandServices } from './application/site-commands.js';
import { SiteReadAccess } from './application/site-read-access.js';
import { AccessRequestsCommandsController } from './http/access-requests-commands.controller.js';
import { MeCommandsController } from './http/me-commands.controller.js';
import { SiteContactsCommandsController } from './http/site-contacts-commands.controller.js';
import { SiteUsersCommandsController } from './http/site-users-commands.controller.js';
import { SitesCommandsController } from './http/sites-commands.controller.js';
import { NotificationOutboxModule } from './notifications/notification-outbox.module.js';
import { GetUserAccessAsOfHandler, GetUserHistoryHandler, ListSiteUsersAsOfHandler } from './queries/as-of/site-as-of.queries.js';
import { MeController } from './queries/me.controller.js';
import { MyListHandler, MyNotificationPreferencesHandler } from './queries/me-queries.js';
import { SiteQueriesController } from './queries/site-queries.controller.js';
import {
  GetSiteSummaryHandler,
  GetUserAccessHandler,
  ListAccessRequestsHandler,
  ListContactsHandler,
  ListSiteUsersHandler,
} from './queries/site-query.handlers.js';

const commandControllers = [SitesCommandsController, SiteUsersCommandsController, SiteContactsCommandsController, AccessRequestsCommandsController, MeCommandsController];

const queryHandlers = [
  GetSiteSummaryHandler,
  ListSiteUsersHandler,
  GetUserAccessHandler,
  ListAccessRequestsHandler,
  ListContactsHandler,
  MyListHandler,
  MyNotificationPreferencesHandler,
  ListSiteUsersAsOfHandler,
  GetUserAccessAsOfHandler,
  GetUserHistoryHandler,
];

/** Site access (Passport Advantage): contacts, users, roles, privileges, self-nominations. */
@Module({
  imports: [NotificationOutboxModule],
  controllers: [...commandControllers, SiteQueriesController, MeController],
  providers: [...siteCommandServices, SiteReadAccess, ...queryHandlers],
})
export class SiteAccessModule {}
