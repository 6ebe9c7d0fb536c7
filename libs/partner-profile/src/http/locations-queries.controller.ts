import { Param } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { LocationParams } from './partner-params.js';
import {
  ComplianceSummaryQuery,
  GetLocationQuery,
  PrcRecipientsQuery,
} from '../queries/locations/locations.queries.js';
import { ComplianceSummaryDto } from '../queries/locations/compliance-summary.response.dto.js';
import { LocationDto } from '../queries/enterprises/enterprise.response.dto.js';
import { PrcRecipientsDto } from '../queries/locations/prc-recipients.response.dto.js';

@ResourceController('enterprises', 'v1/enterprises/:enterpriseId/locations/:locationId')
export class LocationsQueriesController extends QueryRoutes {
  @QueryRoute('', LocationDto, {
    operationId: 'EnterpriseQueriesController_location',
    description:
      'One location as the caller may see it (see the hierarchy); its PRC/APA in scope also see when and by whom the company token was last rotated.',
  })
  location(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams) {
    return this.queries.execute(new GetLocationQuery(p, enterpriseId, locationId));
  }

  @QueryRoute('prc-communications-recipients', PrcRecipientsDto, {
    operationId: 'EnterpriseQueriesController_recipients',
  })
  recipients(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams) {
    return this.queries.execute(new PrcRecipientsQuery(p, enterpriseId, locationId));
  }

  @QueryRoute('compliance-summary', ComplianceSummaryDto, {
    operationId: 'EnterpriseQueriesController_complianceSummary',
    description:
      'Tier, region, whether a PRC is assigned, employees by access role, TCI contacts present: no personal data. For distributor contacts of the location, PRC/APA in scope, auditors, operators.',
  })
  complianceSummary(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams) {
    return this.queries.execute(new ComplianceSummaryQuery(p, enterpriseId, locationId));
  }
}
