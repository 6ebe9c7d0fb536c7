import { Param, Query as QueryParams } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ListQueryDto, QueryController, QueryRoute, QueryRoutes } from '../../../../contract/src/index.js';
import { SiteParams } from '../../http/site-params.js';
import { ListContactsQuery } from './site-contacts.queries.js';
import { SiteContactListDto } from './site-contacts.response.dto.js';

@QueryController('sites', 'v1/sites/:siteId/contacts')
export class SiteContactsQueriesController extends QueryRoutes {
  @QueryRoute('', SiteContactListDto, { operationId: 'SiteQueriesController_contacts' })
  contacts(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new ListContactsQuery(p, siteId, filter));
  }
}
