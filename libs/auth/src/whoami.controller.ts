import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#contract';
import { mayIssueCommands } from '#core';
import { actorOf } from './actor-of.js';
import { CALLER_PERMISSIONS, type CallerPermissions } from './caller-permissions.port.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import type { Principal } from './principal.js';
import { WhoAmIDto } from './whoami.response.dto.js';

/** Who the server thinks the caller is: handy when wiring up an identity provider. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
export class WhoAmIController {
  constructor(@Inject(CALLER_PERMISSIONS) private readonly permissions: CallerPermissions) {}

  @Get()
  @ApiOkResponse({
    description: 'The authenticated principal: userId, platform roles, authTime, and what they may do (permissions).',
    type: WhoAmIDto,
  })
  @ApiProblems(400, 401, 503)
  async whoAmI(@CurrentPrincipal() principal: Principal): Promise<WhoAmIDto> {
    return {
      userId: principal.userId,
      roles: principal.roles,
      authTime: principal.authTime?.toISOString() ?? null,
      permissions: {
        audit: await this.permissions.mayAudit(principal),
        change: mayIssueCommands(actorOf(principal)),
      },
    };
  }
}
