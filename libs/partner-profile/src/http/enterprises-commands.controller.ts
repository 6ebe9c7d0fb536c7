import { Body, Inject, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { ENTERPRISE_COMMANDS, type EnterpriseCommands } from '../application/enterprise-commands.js';
import { employeeProfile } from '../commands/employee-input.dto.js';
import { locationProfile } from '../commands/location-input.dto.js';
import { registerEnterprise } from '../commands/register-enterprise/register-enterprise.handler.js';
import { RegisterEnterpriseRequestDto } from '../commands/register-enterprise/register-enterprise.request.dto.js';
import { RegisterEnterpriseResponseDto } from '../commands/register-enterprise/register-enterprise.response.dto.js';

/** Worldwide enterprises: anyone signed in registers one and becomes its first PRC. */
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
}
