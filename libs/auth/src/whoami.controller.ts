import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#contract';
import { CurrentPrincipal } from './current-principal.decorator.js';
import type { Principal } from './principal.js';
import { WhoAmIDto } from './whoami.response.dto.js';

/** Who the server thinks the caller is: handy when wiring up an identity provider. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
export class WhoAmIController {
  @Get()
  @ApiOkResponse({ description: 'The authenticated principal: userId, platform roles, authTime.', type: WhoAmIDto })
  @ApiProblems(400, 401, 503)
  whoAmI(@CurrentPrincipal() principal: Principal): WhoAmIDto {
    return { userId: principal.userId, roles: principal.roles, authTime: principal.authTime?.toISOString() ?? null };
  }
}
