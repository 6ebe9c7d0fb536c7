import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems } from '../../../../contract/src/index.js';
import { EnterpriseParams } from '../../http/partner-params.js';
import { EnterpriseDto } from './enterprise.response.dto.js';
import { GetEnterpriseQuery } from './enterprises.queries.js';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises/:enterpriseId')
export class EnterprisesQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: EnterpriseDto, description: 'The enterprise’s whole hierarchy.' })
  @ApiProblems(400, 401, 403, 404, 503)
  hierarchy(@CurrentPrincipal() p: Principal, @Param() { enterpriseId }: EnterpriseParams) {
    return this.queries.execute(new GetEnterpriseQuery(p, enterpriseId));
  }
}
