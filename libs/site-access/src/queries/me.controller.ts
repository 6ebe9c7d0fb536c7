import { Body, Controller, Get, Inject, Put, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../auth/src/index.js';
import { SetNotificationEmailCommand } from '../commands/set-notification-email/set-notification-email.command.js';
import { SetNotificationEmailRequestDto } from '../commands/set-notification-email/set-notification-email.request.dto.js';
import { ListQueryDto } from '../http/list-query.dto.js';
import { MyListQuery, MyNotificationPreferencesQuery } from './me-queries.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  @Get('sites')
  sites(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'sites', filter));
  }

  @Get('access-requests')
  accessRequests(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'access-requests', filter));
  }

  @Get('notifications')
  notifications(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'notifications', filter));
  }

  @Get('notification-preferences')
  preferences(@CurrentPrincipal() p: Principal) {
    return this.queries.execute(new MyNotificationPreferencesQuery(p));
  }

  @Put('notification-preferences')
  setPreferences(@CurrentPrincipal() p: Principal, @Body() body: SetNotificationEmailRequestDto) {
    return this.commands.execute(new SetNotificationEmailCommand(p, body.email));
  }
}
