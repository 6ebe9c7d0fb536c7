import { Body, Delete, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { ENTERPRISE_COMMANDS, type EnterpriseCommands } from '../application/enterprise-commands.js';
import { AccessRoleDto } from '../commands/change-access-role/change-access-role.request.dto.js';
import { TciRolesDto } from '../commands/change-tci-roles/change-tci-roles.request.dto.js';
import { EmployeeInputDto, employeeProfile } from '../commands/employee-input.dto.js';
import { DEFAULT_ACCESS_ROLE } from '../domain/access-roles.js';
import { EmployeeParams } from './partner-params.js';

/** A location's employees: access role, TCI roles, profile, removal. */
@ResourceController('enterprises', 'v1/enterprises/:enterpriseId/locations/:locationId/employees/:userId')
export class EmployeesCommandsController {
  constructor(@Inject(ENTERPRISE_COMMANDS) private readonly enterprises: EnterpriseCommands) {}

  @ApiOperation({ operationId: 'EnterpriseCommandsController_accessRole', summary: undefined })
  @Put('access-role')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [
    409,
    'PRC_REQUIRES_TRANSFER, DISTRIBUTOR_ROLE_NOT_ALLOWED, NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT',
  ])
  accessRole(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId, userId }: EmployeeParams,
    @Body() body: AccessRoleDto,
  ) {
    return this.enterprises.run(enterpriseId, p, {
      type: 'ChangeAccessRole',
      locationId,
      userId,
      accessRole: body.accessRole ?? DEFAULT_ACCESS_ROLE,
    });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_tciRoles', summary: undefined })
  @Put('tci-roles')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  tciRoles(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId, userId }: EmployeeParams,
    @Body() body: TciRolesDto,
  ) {
    const { businessContact, secondaryBusinessContact } = body;
    return this.enterprises.run(enterpriseId, p, {
      type: 'ChangeTciRoles',
      locationId,
      userId,
      businessContact,
      secondaryBusinessContact,
    });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_employeeProfile', summary: undefined })
  @Put('profile')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  employeeProfile(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId, userId }: EmployeeParams,
    @Body() body: EmployeeInputDto,
  ) {
    return this.enterprises.run(enterpriseId, p, {
      type: 'UpdateEmployeeProfile',
      locationId,
      userId,
      profile: employeeProfile(body),
    });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_removeEmployee', summary: undefined })
  @Delete()
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  removeEmployee(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId, userId }: EmployeeParams) {
    return this.enterprises.run(enterpriseId, p, { type: 'RemoveEmployee', locationId, userId });
  }
}
