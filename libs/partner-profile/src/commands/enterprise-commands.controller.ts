import { Body, Controller, Delete, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../auth/src/index.js';
import { ApiCommandResponse, ApiProblems } from '../../../contract/src/index.js';
import {
  AccessRoleDto,
  AssignPrcDto,
  CreateLocationRequestDto,
  DenySelfAssociationDto,
  EmployeeInputDto,
  LocationProfileDto,
  RegisterEnterpriseRequestDto,
  SelfAssociationRequestDto,
  SettingsDto,
  TciRolesDto,
} from '../http/partner-inputs.dto.js';
import { AssociationParams, EmployeeParams, EnterpriseParams, LocationAssociationParams, LocationParams } from '../http/partner-params.js';
import { AssignPrimaryRelationshipContactCommand } from './assign-primary-relationship-contact/assign-primary-relationship-contact.command.js';
import { ChangeAccessRoleCommand } from './change-access-role/change-access-role.command.js';
import { ChangeSelfAssociationPolicyCommand } from './change-self-association-policy/change-self-association-policy.command.js';
import { ChangeTciRolesCommand } from './change-tci-roles/change-tci-roles.command.js';
import { CreateLocationCommand } from './create-location/create-location.command.js';
import { CreateLocationResponseDto } from './create-location/create-location.response.dto.js';
import { DecideSelfAssociationCommand } from './decide-self-association/decide-self-association.command.js';
import { RegisterEnterpriseCommand } from './register-enterprise/register-enterprise.command.js';
import { RegisterEnterpriseResponseDto } from './register-enterprise/register-enterprise.response.dto.js';
import { RemoveEmployeeCommand } from './remove-employee/remove-employee.command.js';
import { RequestSelfAssociationCommand } from './request-self-association/request-self-association.command.js';
import { SelfAssociationResponseDto } from './request-self-association/request-self-association.response.dto.js';
import { RotateCompanyTokenCommand } from './rotate-company-token/rotate-company-token.command.js';
import { RotateCompanyTokenResponseDto } from './rotate-company-token/rotate-company-token.response.dto.js';
import { UpdateEmployeeProfileCommand } from './update-employee-profile/update-employee-profile.command.js';
import { UpdateLocationProfileCommand } from './update-location-profile/update-location-profile.command.js';

/** Partner profile commands; each route only turns HTTP into its command. */
@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises')
export class EnterpriseCommandsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiCommandResponse(201, RegisterEnterpriseResponseDto)
  @ApiProblems(400, 401, 409)
  register(@CurrentPrincipal() p: Principal, @Body() body: RegisterEnterpriseRequestDto) {
    return this.commands.execute(new RegisterEnterpriseCommand(p, body));
  }

  @Post(':enterpriseId/locations')
  @ApiCommandResponse(201, CreateLocationResponseDto)
  @ApiProblems(400, 401, 403, 404, 409)
  createLocation(@CurrentPrincipal() p: Principal, @Param() params: EnterpriseParams, @Body() body: CreateLocationRequestDto) {
    return this.commands.execute(new CreateLocationCommand(p, params, body));
  }

  @Put(':enterpriseId/locations/:locationId/profile')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  updateProfile(@CurrentPrincipal() p: Principal, @Param() params: LocationParams, @Body() body: LocationProfileDto) {
    return this.commands.execute(new UpdateLocationProfileCommand(p, params, body));
  }

  @Post(':enterpriseId/locations/:locationId/self-associations')
  @ApiCommandResponse(201, SelfAssociationResponseDto)
  @ApiProblems(400, 401, [403, 'INVALID_COMPANY_TOKEN'], 404, 409)
  requestSelfAssociation(@CurrentPrincipal() p: Principal, @Param() params: LocationParams, @Body() body: SelfAssociationRequestDto) {
    return this.commands.execute(new RequestSelfAssociationCommand(p, params, body));
  }

  @Post(':enterpriseId/self-associations/:associationId/approve')
  @HttpCode(200)
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  approve(@CurrentPrincipal() p: Principal, @Param() params: AssociationParams) {
    return this.commands.execute(new DecideSelfAssociationCommand(p, params, 'approve', {}));
  }

  @Post(':enterpriseId/self-associations/:associationId/deny')
  @HttpCode(200)
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  deny(@CurrentPrincipal() p: Principal, @Param() params: AssociationParams, @Body() body: DenySelfAssociationDto) {
    return this.commands.execute(new DecideSelfAssociationCommand(p, params, 'deny', body));
  }

  @Post(':enterpriseId/locations/:locationId/self-associations/:associationId/approve')
  @HttpCode(200)
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  approveAtLocation(@CurrentPrincipal() p: Principal, @Param() params: LocationAssociationParams) {
    return this.commands.execute(new DecideSelfAssociationCommand(p, params, 'approve', {}));
  }

  @Post(':enterpriseId/locations/:locationId/self-associations/:associationId/deny')
  @HttpCode(200)
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  denyAtLocation(@CurrentPrincipal() p: Principal, @Param() params: LocationAssociationParams, @Body() body: DenySelfAssociationDto) {
    return this.commands.execute(new DecideSelfAssociationCommand(p, params, 'deny', body));
  }

  @Put(':enterpriseId/locations/:locationId/settings')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  settings(@CurrentPrincipal() p: Principal, @Param() params: LocationParams, @Body() body: SettingsDto) {
    return this.commands.execute(new ChangeSelfAssociationPolicyCommand(p, params, body));
  }

  @Post(':enterpriseId/locations/:locationId/company-token')
  @HttpCode(200)
  @ApiCommandResponse(200, RotateCompanyTokenResponseDto)
  @ApiProblems(400, 401, 403, 404, 409)
  rotateToken(@CurrentPrincipal() p: Principal, @Param() params: LocationParams) {
    return this.commands.execute(new RotateCompanyTokenCommand(p, params));
  }

  @Put(':enterpriseId/locations/:locationId/employees/:userId/access-role')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'PRC_REQUIRES_TRANSFER, DISTRIBUTOR_ROLE_NOT_ALLOWED, NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  accessRole(@CurrentPrincipal() p: Principal, @Param() params: EmployeeParams, @Body() body: AccessRoleDto) {
    return this.commands.execute(new ChangeAccessRoleCommand(p, params, body));
  }

  @Put(':enterpriseId/locations/:locationId/primary-relationship-contact')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  assignPrc(@CurrentPrincipal() p: Principal, @Param() params: LocationParams, @Body() body: AssignPrcDto) {
    return this.commands.execute(new AssignPrimaryRelationshipContactCommand(p, params, body));
  }

  @Put(':enterpriseId/locations/:locationId/employees/:userId/tci-roles')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  tciRoles(@CurrentPrincipal() p: Principal, @Param() params: EmployeeParams, @Body() body: TciRolesDto) {
    return this.commands.execute(new ChangeTciRolesCommand(p, params, body));
  }

  @Put(':enterpriseId/locations/:locationId/employees/:userId/profile')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  employeeProfile(@CurrentPrincipal() p: Principal, @Param() params: EmployeeParams, @Body() body: EmployeeInputDto) {
    return this.commands.execute(new UpdateEmployeeProfileCommand(p, params, body));
  }

  @Delete(':enterpriseId/locations/:locationId/employees/:userId')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  removeEmployee(@CurrentPrincipal() p: Principal, @Param() params: EmployeeParams) {
    return this.commands.execute(new RemoveEmployeeCommand(p, params));
  }
}
