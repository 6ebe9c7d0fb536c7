import { Param } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { SiteParams } from './site-params.js';
import { SiteSummaryDto } from '../queries/sites/site-summary.response.dto.js';
import { GetSiteSummaryQuery } from '../queries/sites/sites.queries.js';

@ResourceController('sites', 'v1/sites/:siteId')
export class SitesQueriesController extends QueryRoutes {
  @QueryRoute('', SiteSummaryDto, { operationId: 'SiteQueriesController_summary' })
  summary(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams) {
    return this.queries.execute(new GetSiteSummaryQuery(p, siteId));
  }
}
