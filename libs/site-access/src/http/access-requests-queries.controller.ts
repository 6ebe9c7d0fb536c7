import { Param, Query as QueryParams } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, type Principal } from '#auth';
import { ListQueryDto, QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { SiteParams, SiteRequestParams } from './site-params.js';
import { AccessRequestDto, AccessRequestListDto } from '../queries/access-requests/access-requests.response.dto.js';
import { GetAccessRequestQuery, ListAccessRequestsQuery } from '../queries/access-requests/access-requests.queries.js';

export class RequestFilterDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'granted', 'denied'] })
  @IsOptional()
  @IsIn(['pending', 'granted', 'denied'])
  status?: string;
  @ApiPropertyOptional({
    description:
      'finds requesters by name and e-mail: each word matches, case-insensitively, part of the first or last name, the e-mail or the user id',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

@ResourceController('sites', 'v1/sites/:siteId/access-requests')
export class AccessRequestsQueriesController extends QueryRoutes {
  @QueryRoute('', AccessRequestListDto, { operationId: 'SiteQueriesController_requests', description: 'Newest first.' })
  requests(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: RequestFilterDto) {
    return this.queries.execute(new ListAccessRequestsQuery(p, siteId, filter));
  }

  @QueryRoute(':requestId', AccessRequestDto, {
    operationId: 'SiteQueriesController_request',
    description: 'One request: what it asks for, and once decided, what was granted or why it was denied.',
  })
  request(@CurrentPrincipal() p: Principal, @Param() { siteId, requestId }: SiteRequestParams) {
    return this.queries.execute(new GetAccessRequestQuery(p, siteId, requestId));
  }
}
