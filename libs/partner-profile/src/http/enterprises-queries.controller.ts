import { Param } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { EnterpriseParams } from './partner-params.js';
import { EnterpriseDto } from '../queries/enterprises/enterprise.response.dto.js';
import { GetEnterpriseQuery } from '../queries/enterprises/enterprises.queries.js';

@ResourceController('enterprises', 'v1/enterprises/:enterpriseId')
export class EnterprisesQueriesController extends QueryRoutes {
  @QueryRoute('', EnterpriseDto, {
    operationId: 'EnterpriseQueriesController_hierarchy',
    description: 'The enterprise’s whole hierarchy.',
  })
  hierarchy(@CurrentPrincipal() p: Principal, @Param() { enterpriseId }: EnterpriseParams) {
    return this.queries.execute(new GetEnterpriseQuery(p, enterpriseId));
  }
}
