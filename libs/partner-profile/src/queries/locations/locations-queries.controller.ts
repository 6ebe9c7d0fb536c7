import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems } from '../../../../contract/src/index.js';
import { LocationParams } from '../../http/partner-params.js';
import { PrcRecipientsQuery } from './locations.queries.js';
import { PrcRecipientsDto } from './prc-recipients.response.dto.js';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises/:enterpriseId/locations/:locationId')
export class LocationsQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('prc-communications-recipients')
  @ApiOkResponse({ type: PrcRecipientsDto })
  @ApiProblems(400, 401, 403, 404, 503)
  recipients(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams) {
    return this.queries.execute(new PrcRecipientsQuery(p, enterpriseId, locationId));
  }
}
