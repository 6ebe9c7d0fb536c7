import { Param, Query as QueryParams } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { AsOfParam, ListQueryDto, QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { LocationParams } from './partner-params.js';
import { ListEmployeesQuery } from '../queries/employees/employees.queries.js';
import { EmployeeListDto } from '../queries/employees/employees.response.dto.js';

export class EmployeesFilterDto extends ListQueryDto {
  @AsOfParam() asOf?: string;
}

@ResourceController('enterprises', 'v1/enterprises/:enterpriseId/locations/:locationId/employees')
export class EmployeesQueriesController extends QueryRoutes {
  @QueryRoute('', EmployeeListDto, {
    operationId: 'EnterpriseQueriesController_employees',
    description: 'The location’s employees as the caller may see them (as of `asOf` when given).',
  })
  employees(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId }: LocationParams,
    @QueryParams() filter: EmployeesFilterDto,
  ) {
    return this.queries.execute(new ListEmployeesQuery(p, enterpriseId, locationId, filter, filter.asOf));
  }
}
