import { Param, Query as QueryParams } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal } from '#auth';
import { ListQueryDto, QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { LocationParams } from './partner-params.js';
import { ListSelfAssociationsQuery } from '../queries/self-associations/self-associations.queries.js';
import { SelfAssociationListDto } from '../queries/self-associations/self-associations.response.dto.js';

export class AssociationFilterDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'denied'] })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'denied'])
  status?: string;
}

@ResourceController('enterprises', 'v1/enterprises/:enterpriseId/locations/:locationId/self-associations')
export class SelfAssociationsQueriesController extends QueryRoutes {
  @QueryRoute('', SelfAssociationListDto, {
    operationId: 'EnterpriseQueriesController_selfAssociations',
    description: 'Newest first.',
  })
  selfAssociations(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId }: LocationParams,
    @QueryParams() filter: AssociationFilterDto,
  ) {
    return this.queries.execute(new ListSelfAssociationsQuery(p, enterpriseId, locationId, filter));
  }
}
