import { Body, Controller, Delete, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../auth/src/index.js';
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
import { DecideSelfAssociationCommand } from './decide-self-association/decide-self-association.command.js';
import { RegisterEnterpriseCommand } from './register-enterprise/register-enterprise.command.js';
import { RemoveEmployeeCommand } from './remove-employee/remove-employee.command.js';
import { RequestSelfAssociationCommand } from './request-self-association/request-self-association.command.js';
import { RotateCompanyTokenCommand } from './rotate-company-token/rotate-company-token.command.js';
import { UpdateEmployeeProfileCommand } from './update-employee-profile/update-employee-profile.command.js';
import { UpdateLocationProfileCommand } from './update-location-profile/update-location-profile.command.js';

/** Partner profile commands; each route only turns HTTP into its command. */
@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises')
export class EnterpriseCommandsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  register(@CurrentPrincipal() p: Principal, @Body() body: RegisterEnterpriseRequestDto) {
    return this.commands.execute(new RegisterEnterpriseCommand(p, body));
  }

  @Post(':enterpriseId/locations')
  createLocation(@CurrentPrincipal() p: Principal, @Param() params: EnterpriseParams, @Body() body: CreateLocationRequestDto) {
    return this.commands.execute(new CreateLocationCommand(p, params, body));
  }

  @Put(':enterpriseId/locations/:locationId/profile')
  updateProfile(@CurrentPrincipal() p: Principal, @Param() params: LocationParams, @Body() body: LocationProfileDto) {
    return this.commands.execute(new UpdateLocationProfileCommand(p, params, body));
  }

  @Post(':enterpriseId/locations/:locationId/self-associations')
  requestSelfAssociation(@CurrentPrincipal() p: Principal, @Param() params: LocationParams, @Body() body: SelfAssociationRequestDto) {
    return this.commands.execute(new RequestSelfAssociationCommand(p, params, body));
  }

  @Post(':enterpriseId/self-associations/:associationId/approve')
  @HttpCode(200)
  approve(@CurrentPrincipal() p: Principal, @Param() params: AssociationParams) {
    return this.commands.execute(new DecideSelfAssociationCommand(p, params, 'approve', {}));
  }

  @Post(':enterpriseId/self-associations/:associationId/deny')
  @HttpCode(200)
  deny(@CurrentPrincipal() p: Principal, @Param() params: AssociationParams, @Body() body: DenySelfAssociationDto) {
    return this.commands.execute(new DecideSelfAssociationCommand(p, params, 'deny', body));
  }

  @Post(':enterpriseId/locations/:locationId/self-associations/:associationId/approve')
  @HttpCode(200)
  approveAtLocation(@CurrentPrincipal() p: Principal, @Param() params: LocationAssociationParams) {
    return this.commands.execute(new DecideSelfAssociationCommand(p, params, 'approve', {}));
  }

  @Post(':enterpriseId/locations/:locationId/self-associations/:associationId/deny')
  @HttpCode(200)
  denyAtLocation(@CurrentPrincipal() p: Principal, @Param() params: LocationAssociationParams, @Body() body: DenySelfAssociationDto) {
    return this.commands.execute(new DecideSelfAssociationCommand(p, params, 'deny', body));
  }

  @Put(':enterpriseId/locations/:locationId/settings')
  settings(@CurrentPrincipal() p: Principal, @Param() params: LocationParams, @Body() body: SettingsDto) {
    return this.commands.execute(new ChangeSelfAssociationPolicyCommand(p, params, body));
  }

  @Post(':enterpriseId/locations/:locationId/company-token')
  @HttpCode(200)
  rotateToken(@CurrentPrincipal() p: Principal, @Param() params: LocationParams) {
    return this.commands.execute(new RotateCompanyTokenCommand(p, params));
  }

  @Put(':enterpriseId/locations/:locationId/employees/:userId/access-role')
  accessRole(@CurrentPrincipal() p: Principal, @Param() params: EmployeeParams, @Body() body: AccessRoleDto) {
    return this.commands.execute(new ChangeAccessRoleCommand(p, params, body));
  }

  @Put(':enterpriseId/locations/:locationId/primary-relationship-contact')
  assignPrc(@CurrentPrincipal() p: Principal, @Param() params: LocationParams, @Body() body: AssignPrcDto) {
    return this.commands.execute(new AssignPrimaryRelationshipContactCommand(p, params, body));
  }

  @Put(':enterpriseId/locations/:locationId/employees/:userId/tci-roles')
  tciRoles(@CurrentPrincipal() p: Principal, @Param() params: EmployeeParams, @Body() body: TciRolesDto) {
    return this.commands.execute(new ChangeTciRolesCommand(p, params, body));
  }

  @Put(':enterpriseId/locations/:locationId/employees/:userId/profile')
  employeeProfile(@CurrentPrincipal() p: Principal, @Param() params: EmployeeParams, @Body() body: EmployeeInputDto) {
    return this.commands.execute(new UpdateEmployeeProfileCommand(p, params, body));
  }

  @Delete(':enterpriseId/locations/:locationId/employees/:userId')
  removeEmployee(@CurrentPrincipal() p: Principal, @Param() params: EmployeeParams) {
    return this.commands.execute(new RemoveEmployeeCommand(p, params));
  }
}
