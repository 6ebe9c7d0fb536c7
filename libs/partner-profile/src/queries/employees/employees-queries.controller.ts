import { Controller, Get, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems, AsOfParam, ListQueryDto } from '../../../../contract/src/index.js';
import { requireInstant } from '../../../../core/src/index.js';
import { LocationParams } from '../../http/partner-params.js';
import { ListEmployeesQuery } from './employees.queries.js';
import { EmployeeListDto } from './employees.response.dto.js';

export class EmployeesFilterDto extends ListQueryDto {
  @AsOfParam() asOf?: string;
}

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises/:enterpriseId/locations/:locationId/employees')
export class EmployeesQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: EmployeeListDto, description: 'The location’s employees as the caller may see them (as of `asOf` when given).' })
  @ApiProblems(400, 401, 403, 404, 503)
  employees(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams, @QueryParams() filter: EmployeesFilterDto) {
    const asOf = filter.asOf ? requireInstant('asOf', filter.asOf) : undefined;
    return this.queries.execute(new ListEmployeesQuery(p, enterpriseId, locationId, filter, asOf));
  }
}
