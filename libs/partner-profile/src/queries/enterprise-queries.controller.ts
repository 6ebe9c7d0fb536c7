import { Controller, Get, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, Matches } from 'class-validator';
import { ApiProblems } from '../../../contract/src/index.js';
import { INSTANT_PATTERN } from '../../../core/src/index.js';
import { CurrentPrincipal, type Principal } from '../../../auth/src/index.js';
import { EnterpriseParams, LocationParams } from '../http/partner-params.js';
import { EmployeeListDto } from './employees.response.dto.js';
import { GetEnterpriseQuery, ListEmployeesQuery, ListSelfAssociationsQuery, PrcRecipientsQuery } from './enterprise-queries.js';
import { EnterpriseDto } from './enterprise.response.dto.js';
import { PrcRecipientsDto } from './prc-recipients.response.dto.js';
import { SelfAssociationListDto } from './self-associations.response.dto.js';

export class PageDto {
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class EmployeesFilterDto extends PageDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'answer as of this instant, replayed from the event stream' }) @IsOptional() @Matches(INSTANT_PATTERN, { message: '$property must be an ISO-8601 instant such as 2026-03-01T10:00:00Z' }) asOf?: string;
}

export class AssociationFilterDto extends PageDto {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'denied'] }) @IsOptional() @IsIn(['pending', 'accepted', 'denied']) status?: string;
}

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises/:enterpriseId')
export class EnterpriseQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: EnterpriseDto, description: 'The enterprise’s whole hierarchy.' })
  @ApiProblems(400, 401, 403, 404, 503)
  hierarchy(@CurrentPrincipal() p: Principal, @Param() { enterpriseId }: EnterpriseParams) {
    return this.queries.execute(new GetEnterpriseQuery(p, enterpriseId));
  }

  @Get('locations/:locationId/employees')
  @ApiOkResponse({ type: EmployeeListDto, description: 'The location’s employees as the caller may see them (as of `asOf` when given).' })
  @ApiProblems(400, 401, 403, 404, 503)
  employees(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams, @QueryParams() filter: EmployeesFilterDto) {
    return this.queries.execute(new ListEmployeesQuery(p, enterpriseId, locationId, filter));
  }

  @Get('locations/:locationId/self-associations')
  @ApiOkResponse({ type: SelfAssociationListDto, description: 'Newest first.' })
  @ApiProblems(400, 401, 403, 404, 503)
  selfAssociations(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams, @QueryParams() filter: AssociationFilterDto) {
    return this.queries.execute(new ListSelfAssociationsQuery(p, enterpriseId, locationId, filter));
  }

  @Get('locations/:locationId/prc-communications-recipients')
  @ApiOkResponse({ type: PrcRecipientsDto })
  @ApiProblems(400, 401, 403, 404, 503)
  recipients(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams) {
    return this.queries.execute(new PrcRecipientsQuery(p, enterpriseId, locationId));
  }
}
