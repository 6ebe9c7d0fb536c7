import { Controller, Get, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems, ListQueryDto } from '../../../../contract/src/index.js';
import { SiteParams } from '../../http/site-params.js';
import { AccessRequestListDto } from './access-requests.response.dto.js';
import { ListAccessRequestsQuery } from './access-requests.queries.js';

export class RequestFilterDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'granted', 'denied'] }) @IsOptional() @IsIn(['pending', 'granted', 'denied']) status?: string;
}

@ApiTags('sites')
@ApiBearerAuth()
@Controller('v1/sites/:siteId/access-requests')
export class AccessRequestsQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: AccessRequestListDto, description: 'Newest first.' })
  @ApiProblems(400, 401, 403, 404, 503)
  requests(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: RequestFilterDto) {
    return this.queries.execute(new ListAccessRequestsQuery(p, siteId, filter));
  }
}
