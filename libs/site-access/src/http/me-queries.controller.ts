import { Query as QueryParams } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { ListQueryDto, QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { AccessRequestListDto } from '../queries/access-requests/access-requests.response.dto.js';
import { MyListQuery, MyNotificationPreferencesQuery } from '../queries/me/me.queries.js';
import { MySiteListDto, NotificationListDto, NotificationPreferencesDto } from '../queries/me/me.response.dto.js';

const MINE = { problems: [400, 401, 503] } as const;

@ResourceController('me', 'v1/me')
export class MeQueriesController extends QueryRoutes {
  @QueryRoute('sites', MySiteListDto, {
    operationId: 'MeController_sites',
    ...MINE,
    description: 'Sites where the caller is a member, with their role.',
  })
  sites(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'sites', filter));
  }

  @QueryRoute('access-requests', AccessRequestListDto, {
    operationId: 'MeController_accessRequests',
    ...MINE,
    description: 'The caller’s own requests on all sites, newest first.',
  })
  accessRequests(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'access-requests', filter));
  }

  @QueryRoute('notifications', NotificationListDto, {
    operationId: 'MeController_notifications',
    ...MINE,
    description: 'E-mails queued for the caller, newest first.',
  })
  notifications(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyListQuery(p, 'notifications', filter));
  }

  @QueryRoute('notification-preferences', NotificationPreferencesDto, {
    ...MINE,
    operationId: 'MeController_preferences',
  })
  preferences(@CurrentPrincipal() p: Principal) {
    return this.queries.execute(new MyNotificationPreferencesQuery(p));
  }
}
