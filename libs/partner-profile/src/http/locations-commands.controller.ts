import { Body, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { ENTERPRISE_COMMANDS, type EnterpriseCommands } from '../application/enterprise-commands.js';
import { AddEmployeeRequestDto } from '../commands/add-employee/add-employee.request.dto.js';
import { AssignPrcDto } from '../commands/assign-primary-relationship-contact/assign-primary-relationship-contact.request.dto.js';
import { SettingsDto } from '../commands/change-self-association-policy/change-self-association-policy.request.dto.js';
import { createLocation } from '../commands/create-location/create-location.handler.js';
import { CreateLocationRequestDto } from '../commands/create-location/create-location.request.dto.js';
import { CreateLocationResponseDto } from '../commands/create-location/create-location.response.dto.js';
import { employeeProfile } from '../commands/employee-input.dto.js';
import { DEFAULT_ACCESS_ROLE } from '../domain/access-roles.js';
import { locationProfile } from '../commands/location-input.dto.js';
import { rotateCompanyToken } from '../commands/rotate-company-token/rotate-company-token.handler.js';
import { RotateCompanyTokenResponseDto } from '../commands/rotate-company-token/rotate-company-token.response.dto.js';
import { LocationProfileDto } from '../commands/update-location-profile/update-location-profile.request.dto.js';
import { EnterpriseParams, LocationParams } from './partner-params.js';

/** An enterprise's locations: their profile, self-association policy, company token, PRC and directly added employees. */
@ResourceController('enterprises', 'v1/enterprises/:enterpriseId/locations')
export class LocationsCommandsController {
  constructor(@Inject(ENTERPRISE_COMMANDS) private readonly enterprises: EnterpriseCommands) {}

  @ApiOperation({ operationId: 'EnterpriseCommandsController_createLocation', summary: undefined })
  @Post()
  @ApiCommandResponse(201, CreateLocationResponseDto)
  @ApiProblems(400, 401, 403, 404, 409)
  createLocation(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId }: EnterpriseParams,
    @Body() body: CreateLocationRequestDto,
  ) {
    return createLocation(this.enterprises, p, enterpriseId, {
      location: { ...locationProfile(body), country: body.country },
      employee: employeeProfile(body.employee),
    });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_updateProfile', summary: undefined })
  @Put(':locationId/profile')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  updateProfile(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId }: LocationParams,
    @Body() body: LocationProfileDto,
  ) {
    return this.enterprises.run(enterpriseId, p, {
      type: 'UpdateLocationProfile',
      locationId,
      profile: locationProfile(body),
    });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_settings', summary: undefined })
  @Put(':locationId/settings')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  settings(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId }: LocationParams,
    @Body() { autoAcceptSelfAssociation }: SettingsDto,
  ) {
    return this.enterprises.run(enterpriseId, p, {
      type: 'ChangeSelfAssociationPolicy',
      locationId,
      autoAcceptSelfAssociation,
    });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_rotateToken', summary: undefined })
  @Post(':locationId/company-token')
  @HttpCode(200)
  @ApiCommandResponse(200, RotateCompanyTokenResponseDto)
  @ApiProblems(400, 401, 403, 404, 409)
  rotateToken(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, locationId }: LocationParams) {
    return rotateCompanyToken(this.enterprises, p, enterpriseId, locationId);
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_assignPrc', summary: undefined })
  @Put(':locationId/primary-relationship-contact')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_AN_EMPLOYEE, CONCURRENCY_CONFLICT'])
  assignPrc(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId }: LocationParams,
    @Body() { userId }: AssignPrcDto,
  ) {
    return this.enterprises.run(enterpriseId, p, { type: 'AssignPrimaryRelationshipContact', locationId, userId });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_addEmployee', summary: undefined })
  @Post(':locationId/employees')
  @ApiCommandResponse(201)
  @ApiProblems(400, 401, 403, 404, [
    409,
    'ALREADY_MEMBER, REQUEST_PENDING, PRC_REQUIRES_TRANSFER, DISTRIBUTOR_ROLE_NOT_ALLOWED, CONCURRENCY_CONFLICT',
  ])
  addEmployee(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId }: LocationParams,
    @Body() body: AddEmployeeRequestDto,
  ) {
    return this.enterprises.run(enterpriseId, p, {
      type: 'AddEmployee',
      locationId,
      userId: body.userId,
      employee: employeeProfile(body),
      accessRole: body.accessRole ?? DEFAULT_ACCESS_ROLE,
    });
  }
}
