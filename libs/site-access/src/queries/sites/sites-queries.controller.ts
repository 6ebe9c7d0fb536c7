import { Param } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { QueryController, QueryRoute, QueryRoutes } from '../../../../contract/src/index.js';
import { SiteParams } from '../../http/site-params.js';
import { SiteSummaryDto } from './site-summary.response.dto.js';
import { GetSiteSummaryQuery } from './sites.queries.js';

@QueryController('sites', 'v1/sites/:siteId')
export class SitesQueriesController extends QueryRoutes {
  @QueryRoute('', SiteSummaryDto, { operationId: 'SiteQueriesController_summary' })
  summary(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams) {
    return this.queries.execute(new GetSiteSummaryQuery(p, siteId));
  }
}
