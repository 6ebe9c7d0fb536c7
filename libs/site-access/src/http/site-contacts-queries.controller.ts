import { Param, Query as QueryParams } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { ListQueryDto, QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { SiteParams } from './site-params.js';
import { ListContactsQuery } from '../queries/site-contacts/site-contacts.queries.js';
import { SiteContactListDto } from '../queries/site-contacts/site-contacts.response.dto.js';

@ResourceController('sites', 'v1/sites/:siteId/contacts')
export class SiteContactsQueriesController extends QueryRoutes {
  @QueryRoute('', SiteContactListDto, { operationId: 'SiteQueriesController_contacts' })
  contacts(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new ListContactsQuery(p, siteId, filter));
  }
}
