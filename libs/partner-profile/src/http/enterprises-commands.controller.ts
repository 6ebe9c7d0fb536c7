import { Body, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { ENTERPRISE_COMMANDS, type EnterpriseCommands } from '../application/enterprise-commands.js';
import { employeeProfile } from '../commands/employee-input.dto.js';
import { locationProfile } from '../commands/location-input.dto.js';
import { registerEnterprise } from '../commands/register-enterprise/register-enterprise.handler.js';
import { RegisterEnterpriseRequestDto } from '../commands/register-enterprise/register-enterprise.request.dto.js';
import { RegisterEnterpriseResponseDto } from '../commands/register-enterprise/register-enterprise.response.dto.js';
import { MoveHeadquartersRequestDto } from '../commands/move-headquarters/move-headquarters.request.dto.js';
import { RenameCountryEnterpriseRequestDto } from '../commands/rename-country-enterprise/rename-country-enterprise.request.dto.js';
import { RenameEnterpriseRequestDto } from '../commands/rename-enterprise/rename-enterprise.request.dto.js';
import { CountryEnterpriseParams, EnterpriseParams } from './partner-params.js';

/**
 * Worldwide enterprises: anyone signed in registers one and becomes its first PRC; the PRC of the
 * worldwide HQ renames it and moves its HQ; the PRC of a country HQ (or of the worldwide HQ) renames
 * that country enterprise and moves its HQ.
 */
@ResourceController('enterprises', 'v1/enterprises')
export class EnterprisesCommandsController {
  constructor(@Inject(ENTERPRISE_COMMANDS) private readonly enterprises: EnterpriseCommands) {}

  @ApiOperation({ operationId: 'EnterpriseCommandsController_register', summary: undefined })
  @Post()
  @ApiCommandResponse(201, RegisterEnterpriseResponseDto)
  @ApiProblems(400, 401, 409)
  register(
    @CurrentPrincipal() p: Principal,
    @Body() { name, countryEnterpriseName, location, employee }: RegisterEnterpriseRequestDto,
  ) {
    return registerEnterprise(this.enterprises, p, {
      name,
      countryEnterpriseName,
      location: { ...locationProfile(location), country: location.country },
      employee: employeeProfile(employee),
    });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_renameEnterprise', summary: undefined })
  @Put(':enterpriseId/profile')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  rename(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId }: EnterpriseParams,
    @Body() { name }: RenameEnterpriseRequestDto,
  ) {
    return this.enterprises.run(enterpriseId, p, { type: 'RenameEnterprise', name });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_moveWorldwideHeadquarters', summary: undefined })
  @Put(':enterpriseId/headquarters')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  moveHeadquarters(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId }: EnterpriseParams,
    @Body() { locationId }: MoveHeadquartersRequestDto,
  ) {
    return this.enterprises.run(enterpriseId, p, { type: 'MoveWorldwideHeadquarters', locationId });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_renameCountryEnterprise', summary: undefined })
  @Put(':enterpriseId/country-enterprises/:countryEnterpriseId/profile')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  renameCountryEnterprise(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, countryEnterpriseId }: CountryEnterpriseParams,
    @Body() { name }: RenameCountryEnterpriseRequestDto,
  ) {
    return this.enterprises.run(enterpriseId, p, { type: 'RenameCountryEnterprise', countryEnterpriseId, name });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_moveCountryHeadquarters', summary: undefined })
  @Put(':enterpriseId/country-enterprises/:countryEnterpriseId/headquarters')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  moveCountryHeadquarters(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, countryEnterpriseId }: CountryEnterpriseParams,
    @Body() { locationId }: MoveHeadquartersRequestDto,
  ) {
    return this.enterprises.run(enterpriseId, p, { type: 'MoveCountryHeadquarters', countryEnterpriseId, locationId });
  }
}
