import { Param } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { QueryController, QueryRoute, QueryRoutes } from '../../../../contract/src/index.js';
import { EnterpriseParams } from '../../http/partner-params.js';
import { EnterpriseDto } from './enterprise.response.dto.js';
import { GetEnterpriseQuery } from './enterprises.queries.js';

@QueryController('enterprises', 'v1/enterprises/:enterpriseId')
export class EnterprisesQueriesController extends QueryRoutes {
  @QueryRoute('', EnterpriseDto, { operationId: 'EnterpriseQueriesController_hierarchy', description: 'The enterprise’s whole hierarchy.' })
  hierarchy(@CurrentPrincipal() p: Principal, @Param() { enterpriseId }: EnterpriseParams) {
    return this.queries.execute(new GetEnterpriseQuery(p, enterpriseId));
  }
}
