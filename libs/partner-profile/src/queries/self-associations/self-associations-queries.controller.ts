import { Controller, Get, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems, ListQueryDto } from '../../../../contract/src/index.js';
import { LocationParams } from '../../http/partner-params.js';
import { ListSelfAssociationsQuery } from './self-associations.queries.js';
import { SelfAssociationListDto } from './self-associations.response.dto.js';

export class AssociationFilterDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'denied'] }) @IsOptional() @IsIn(['pending', 'accepted', 'denied']) status?: string;
}

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises/:enterpriseId/locations/:locationId/self-associations')
export class SelfAssociationsQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: SelfAssociationListDto, description: 'Newest first.' })
  @ApiProblems(400, 401, 403, 404, 503)
  selfAssociations(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams, @QueryParams() filter: AssociationFilterDto) {
    return this.queries.execute(new ListSelfAssociationsQuery(p, enterpriseId, locationId, filter));
  }
}
