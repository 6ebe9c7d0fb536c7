import { Body, HttpCode, Inject, Ip, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { COMPANY_TOKEN_LIMITER, type CompanyTokenLimiter } from '../application/company-token-limiter.js';
import { ENTERPRISE_COMMANDS, type EnterpriseCommands } from '../application/enterprise-commands.js';
import { DenySelfAssociationDto } from '../commands/decide-self-association/decide-self-association.request.dto.js';
import { employeeProfile } from '../commands/employee-input.dto.js';
import { requestSelfAssociation } from '../commands/request-self-association/request-self-association.handler.js';
import { SelfAssociationRequestDto } from '../commands/request-self-association/request-self-association.request.dto.js';
import { SelfAssociationResponseDto } from '../commands/request-self-association/request-self-association.response.dto.js';
import { AssociationParams, LocationAssociationParams, LocationParams } from './partner-params.js';

/** People join a location with its company token; its administrators approve or deny (by enterprise or by location). */
@ResourceController('enterprises', 'v1/enterprises/:enterpriseId')
export class SelfAssociationsCommandsController {
  constructor(
    @Inject(ENTERPRISE_COMMANDS) private readonly enterprises: EnterpriseCommands,
    @Inject(COMPANY_TOKEN_LIMITER) private readonly limiter: CompanyTokenLimiter,
  ) {}

  @ApiOperation({ operationId: 'EnterpriseCommandsController_requestSelfAssociation', summary: undefined })
  @Post('locations/:locationId/self-associations')
  @ApiCommandResponse(201, SelfAssociationResponseDto)
  @ApiProblems(400, 401, [403, 'INVALID_COMPANY_TOKEN'], 404, 409)
  requestSelfAssociation(
    @CurrentPrincipal() p: Principal,
    @Ip() ip: string,
    @Param() { enterpriseId, locationId }: LocationParams,
    @Body() body: SelfAssociationRequestDto,
  ) {
    return this.limiter.attempt(p.userId, ip, () =>
      requestSelfAssociation(this.enterprises, p, enterpriseId, locationId, {
        companyToken: body.companyToken,
        employee: employeeProfile(body),
      }),
    );
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_approve', summary: undefined })
  @Post('self-associations/:associationId/approve')
  @HttpCode(200)
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  approve(@CurrentPrincipal() p: Principal, @Param() { enterpriseId, associationId }: AssociationParams) {
    return this.enterprises.run(enterpriseId, p, { type: 'ApproveSelfAssociation', associationId });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_deny', summary: undefined })
  @Post('self-associations/:associationId/deny')
  @HttpCode(200)
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  deny(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, associationId }: AssociationParams,
    @Body() { reason }: DenySelfAssociationDto,
  ) {
    return this.enterprises.run(enterpriseId, p, {
      type: 'DenySelfAssociation',
      associationId,
      ...(reason ? { reason } : {}),
    });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_approveAtLocation', summary: undefined })
  @Post('locations/:locationId/self-associations/:associationId/approve')
  @HttpCode(200)
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  approveAtLocation(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId, associationId }: LocationAssociationParams,
  ) {
    return this.enterprises.run(enterpriseId, p, { type: 'ApproveSelfAssociation', associationId, locationId });
  }

  @ApiOperation({ operationId: 'EnterpriseCommandsController_denyAtLocation', summary: undefined })
  @Post('locations/:locationId/self-associations/:associationId/deny')
  @HttpCode(200)
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  denyAtLocation(
    @CurrentPrincipal() p: Principal,
    @Param() { enterpriseId, locationId, associationId }: LocationAssociationParams,
    @Body() { reason }: DenySelfAssociationDto,
  ) {
    return this.enterprises.run(enterpriseId, p, {
      type: 'DenySelfAssociation',
      associationId,
      locationId,
      ...(reason ? { reason } : {}),
    });
  }
}
