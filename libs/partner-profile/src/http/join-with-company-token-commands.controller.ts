import { Body, Inject, Ip, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { CompanyTokenDirectory } from '../application/company-token-directory.js';
import { COMPANY_TOKEN_LIMITER, type CompanyTokenLimiter } from '../application/company-token-limiter.js';
import { ENTERPRISE_COMMANDS, type EnterpriseCommands } from '../application/enterprise-commands.js';
import { employeeProfile } from '../commands/employee-input.dto.js';
import { joinWithCompanyToken } from '../commands/join-with-company-token/join-with-company-token.handler.js';
import { JoinWithCompanyTokenResponseDto } from '../commands/join-with-company-token/join-with-company-token.response.dto.js';
import { SelfAssociationRequestDto } from '../commands/request-self-association/request-self-association.request.dto.js';

/** People join a location with its company token alone: they are never given internal ids. */
@ResourceController('enterprises', 'v1/self-associations')
export class JoinWithCompanyTokenCommandsController {
  constructor(
    @Inject(ENTERPRISE_COMMANDS) private readonly enterprises: EnterpriseCommands,
    @Inject(CompanyTokenDirectory) private readonly directory: CompanyTokenDirectory,
    @Inject(COMPANY_TOKEN_LIMITER) private readonly limiter: CompanyTokenLimiter,
  ) {}

  @ApiOperation({ operationId: 'SelfAssociationCommandsController_joinWithCompanyToken', summary: undefined })
  @Post()
  @ApiCommandResponse(201, JoinWithCompanyTokenResponseDto)
  @ApiProblems(400, 401, [403, 'INVALID_COMPANY_TOKEN'], 409)
  join(@CurrentPrincipal() p: Principal, @Ip() ip: string, @Body() body: SelfAssociationRequestDto) {
    return this.limiter.attempt(p.userId, ip, () =>
      joinWithCompanyToken(this.enterprises, (digest) => this.directory.locationOf(digest), p, {
        companyToken: body.companyToken,
        employee: employeeProfile(body),
      }),
    );
  }
}
