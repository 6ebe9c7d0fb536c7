import { Param } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { LocationParams } from './partner-params.js';
import { PrcRecipientsQuery } from '../queries/locations/locations.queries.js';
import { PrcRecipientsDto } from '../queries/locations/prc-recipients.response.dto.js';

@ResourceController('enterprises', 'v1/enterprises/:enterpriseId/locations/:locationId')
export class LocationsQueriesController extends QueryRoutes {
  @QueryRoute('prc-communications-recipients', PrcRecipientsDto, {
    operationId: 'EnterpriseQueriesController_recipients',
  })
  recipients(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams) {
    return this.queries.execute(new PrcRecipientsQuery(p, enterpriseId, locationId));
  }
}
