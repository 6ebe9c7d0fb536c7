import { Controller, Get, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems, ListQueryDto } from '../../../../contract/src/index.js';
import { SiteParams } from '../../http/site-params.js';
import { ListContactsQuery } from './site-contacts.queries.js';
import { SiteContactListDto } from './site-contacts.response.dto.js';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('v1/sites/:siteId/contacts')
export class SiteContactsQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: SiteContactListDto })
  @ApiProblems(400, 401, 403, 404, 503)
  contacts(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new ListContactsQuery(p, siteId, filter));
  }
}
