import { Param, Query as QueryParams } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal } from '#auth';
import { ListQueryDto, QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { SiteParams } from './site-params.js';
import { AccessRequestListDto } from '../queries/access-requests/access-requests.response.dto.js';
import { ListAccessRequestsQuery } from '../queries/access-requests/access-requests.queries.js';

export class RequestFilterDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'granted', 'denied'] })
  @IsOptional()
  @IsIn(['pending', 'granted', 'denied'])
  status?: string;
}

@ResourceController('sites', 'v1/sites/:siteId/access-requests')
export class AccessRequestsQueriesController extends QueryRoutes {
  @QueryRoute('', AccessRequestListDto, { operationId: 'SiteQueriesController_requests', description: 'Newest first.' })
  requests(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: RequestFilterDto) {
    return this.queries.execute(new ListAccessRequestsQuery(p, siteId, filter));
  }
}
