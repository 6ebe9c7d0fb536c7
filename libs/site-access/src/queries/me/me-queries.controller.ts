import { Body, Controller, Get, Inject, Put, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiCommandResponse, ApiProblems, ListQueryDto } from '../../../../contract/src/index.js';
import { SetNotificationEmailCommand } from '../../commands/set-notification-email/set-notification-email.command.js';
import { SetNotificationEmailRequestDto } from '../../commands/set-notification-email/set-notification-email.request.dto.js';
import { AccessRequestListDto } from '../access-requests/access-requests.response.dto.js';
import { MyListQuery, MyNotificationPreferencesQuery } from './me.queries.js';
import { MySiteListDto, NotificationListDto, NotificationPreferencesDto } from './me.response.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
export class MeQueriesController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  @Get('sites')
  @ApiOkResponse({ type: MySiteListDto, description: 'Sites where the caller is a member, with their role.' })
  @ApiProblems(400, 401, 503)
  sites(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'sites', filter));
  }

  @Get('access-requests')
  @ApiOkResponse({ type: AccessRequestListDto, description: 'The caller’s own requests on all sites, newest first.' })
  @ApiProblems(400, 401, 503)
  accessRequests(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'access-requests', filter));
  }

  @Get('notifications')
  @ApiOkResponse({ type: NotificationListDto, description: 'E-mails queued for the caller, newest first.' })
  @ApiProblems(400, 401, 503)
  notifications(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'notifications', filter));
  }

  @Get('notification-preferences')
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblems(400, 401, 503)
  preferences(@CurrentPrincipal() p: Principal) {
    return this.queries.execute(new MyNotificationPreferencesQuery(p));
  }

  @Put('notification-preferences')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 409)
  setPreferences(@CurrentPrincipal() p: Principal, @Body() body: SetNotificationEmailRequestDto) {
    return this.commands.execute(new SetNotificationEmailCommand(p, body.email));
  }
}
