import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../auth/src/index.js';
import { ApiCommandResponse, ApiProblems } from '../../../contract/src/index.js';
import { employeeProfile } from '../commands/employee-input.dto.js';
import { locationProfile } from '../commands/location-input.dto.js';
import { RegisterEnterpriseHandler } from '../commands/register-enterprise/register-enterprise.handler.js';
import { RegisterEnterpriseRequestDto } from '../commands/register-enterprise/register-enterprise.request.dto.js';
import { RegisterEnterpriseResponseDto } from '../commands/register-enterprise/register-enterprise.response.dto.js';

/** Worldwide enterprises: anyone signed in registers one and becomes its first PRC. */
@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('v1/enterprises')
export class EnterprisesController {
  constructor(@Inject(RegisterEnterpriseHandler) private readonly registerEnterprise: RegisterEnterpriseHandler) {}

  @Post()
  @ApiCommandResponse(201, RegisterEnterpriseResponseDto)
  @ApiProblems(400, 401, 409)
  register(@CurrentPrincipal() p: Principal, @Body() { name, countryEnterpriseName, location, employee }: RegisterEnterpriseRequestDto) {
    return this.registerEnterprise.execute(p, {
      name,
      countryEnterpriseName,
      location: { ...locationProfile(location), country: location.country },
      employee: employeeProfile(employee),
    });
  }
}
