import { Module } from '@nestjs/common';
import { SiteCommandRunner } from './application/site-command-runner.js';
import { SiteReadAccess } from './application/site-read-access.js';
import { SiteReads } from './application/site-reads.js';
import { AddUserHandler } from './commands/add-user/add-user.handler.js';
import { ChangeUserAccessHandler } from './commands/change-user-access/change-user-access.handler.js';
import { DenyAccessHandler } from './commands/deny-access/deny-access.handler.js';
import { EditJustificationHandler } from './commands/edit-justification/edit-justification.handler.js';
import { GrantAccessHandler } from './commands/grant-access/grant-access.handler.js';
import { RegisterSiteController } from './commands/register-site/register-site.controller.js';
import { RegisterSiteHandler } from './commands/register-site/register-site.handler.js';
import { RemoveContactHandler } from './commands/remove-contact/remove-contact.handler.js';
import { RemoveUserHandler } from './commands/remove-user/remove-user.handler.js';
import { RequestAccessController } from './commands/request-access/request-access.controller.js';
import { RequestAccessHandler } from './commands/request-access/request-access.handler.js';
import { SetNotificationEmailHandler } from './commands/set-notification-email/set-notification-email.handler.js';
import { SiteCommandsController } from './commands/site-commands.controller.js';
import { TransferPrimaryContactHandler } from './commands/transfer-primary-contact/transfer-primary-contact.handler.js';
import { UpdateContactHandler } from './commands/update-contact/update-contact.handler.js';
import { NotificationOutboxModule } from './notifications/notification-outbox.module.js';
import { AccessRequestsQueriesController } from './queries/access-requests/access-requests-queries.controller.js';
import { ListAccessRequestsHandler } from './queries/access-requests/access-requests.queries.js';
import { MeQueriesController } from './queries/me/me-queries.controller.js';
import { MyListHandler, MyNotificationPreferencesHandler } from './queries/me/me.queries.js';
import { SiteContactsQueriesController } from './queries/site-contacts/site-contacts-queries.controller.js';
import { ListContactsHandler } from './queries/site-contacts/site-contacts.queries.js';
import { SiteUsersQueriesController } from './queries/site-users/site-users-queries.controller.js';
import { GetUserAccessHandler, GetUserHistoryHandler, ListSiteUsersHandler } from './queries/site-users/site-users.queries.js';
import { SitesQueriesController } from './queries/sites/sites-queries.controller.js';
import { GetSiteSummaryHandler } from './queries/sites/sites.queries.js';

const commandHandlers = [
  RegisterSiteHandler,
  AddUserHandler,
  ChangeUserAccessHandler,
  RemoveUserHandler,
  TransferPrimaryContactHandler,
  RequestAccessHandler,
  EditJustificationHandler,
  GrantAccessHandler,
  DenyAccessHandler,
  UpdateContactHandler,
  RemoveContactHandler,
  SetNotificationEmailHandler,
];

const queryHandlers = [
  GetSiteSummaryHandler,
  ListSiteUsersHandler,
  GetUserAccessHandler,
  ListAccessRequestsHandler,
  ListContactsHandler,
  MyListHandler,
  MyNotificationPreferencesHandler,
  GetUserHistoryHandler,
];
const queryControllers = [SitesQueriesController, SiteUsersQueriesController, AccessRequestsQueriesController, SiteContactsQueriesController, MeQueriesController];

/** Site access (Passport Advantage): contacts, users, roles, privileges, self-nominations. */
@Module({
  imports: [NotificationOutboxModule],
  controllers: [RegisterSiteController, SiteCommandsController, RequestAccessController, ...queryControllers],
  providers: [SiteCommandRunner, SiteReadAccess, SiteReads, ...commandHandlers, ...queryHandlers],
})
export class SiteAccessModule {}
