import { Body, Inject, Put, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiCommandResponse, ApiProblems, ListQueryDto, QueryController, QueryRoute, QueryRoutes } from '../../../../contract/src/index.js';
import { SetNotificationEmailCommand } from '../../commands/set-notification-email/set-notification-email.command.js';
import { SetNotificationEmailRequestDto } from '../../commands/set-notification-email/set-notification-email.request.dto.js';
import { AccessRequestListDto } from '../access-requests/access-requests.response.dto.js';
import { MyListQuery, MyNotificationPreferencesQuery } from './me.queries.js';
import { MySiteListDto, NotificationListDto, NotificationPreferencesDto } from './me.response.dto.js';

const MINE = { problems: [400, 401, 503] } as const;

@QueryController('me', 'v1/me')
export class MeQueriesController extends QueryRoutes {
  constructor(@Inject(QueryBus) queries: QueryBus, @Inject(CommandBus) private readonly commands: CommandBus) {
    super(queries);
  }

  @QueryRoute('sites', MySiteListDto, { operationId: 'MeController_sites', ...MINE, description: 'Sites where the caller is a member, with their role.' })
  sites(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'sites', filter));
  }

  @QueryRoute('access-requests', AccessRequestListDto, { operationId: 'MeController_accessRequests', ...MINE, description: 'The caller’s own requests on all sites, newest first.' })
  accessRequests(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'access-requests', filter));
  }

  @QueryRoute('notifications', NotificationListDto, { operationId: 'MeController_notifications', ...MINE, description: 'E-mails queued for the caller, newest first.' })
  notifications(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'notifications', filter));
  }

  @QueryRoute('notification-preferences', NotificationPreferencesDto, { ...MINE, operationId: 'MeController_preferences' })
  preferences(@CurrentPrincipal() p: Principal) {
    return this.queries.execute(new MyNotificationPreferencesQuery(p));
  }

  // The one command under /v1/me; its own controller comes with the command side's split per resource.
  @Put('notification-preferences')
  @ApiOperation({ operationId: 'MeController_setPreferences', summary: undefined })
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 409)
  setPreferences(@CurrentPrincipal() p: Principal, @Body() body: SetNotificationEmailRequestDto) {
    return this.commands.execute(new SetNotificationEmailCommand(p, body.email));
  }
}
