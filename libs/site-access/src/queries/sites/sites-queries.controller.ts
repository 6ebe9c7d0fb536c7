import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems } from '../../../../contract/src/index.js';
import { SiteParams } from '../../http/site-params.js';
import { SiteSummaryDto } from './site-summary.response.dto.js';
import { GetSiteSummaryQuery } from './sites.queries.js';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('v1/sites/:siteId')
export class SitesQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: SiteSummaryDto })
  @ApiProblems(400, 401, 403, 404, 503)
  summary(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams) {
    return this.queries.execute(new GetSiteSummaryQuery(p, siteId));
  }
}
