import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems } from '../../../../contract/src/index.js';
import { RegisterSiteCommand } from './register-site.command.js';
import { RegisterSiteRequestDto } from './register-site.request.dto.js';
import { RegisterSiteResponseDto } from './register-site.response.dto.js';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('v1/sites')
export class RegisterSiteController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiCreatedResponse({ description: '{siteId, confirmationNumber, position}', type: RegisterSiteResponseDto })
  @ApiProblems(400, 401, [403, 'FORBIDDEN: only operators register sites'], [409, 'SITE_EXISTS (or CONCURRENCY_CONFLICT after retries)'])
  async register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterSiteRequestDto) {
    const result = await this.commands.execute(new RegisterSiteCommand(principal, body));
    return { siteId: body.siteId, ...result };
  }
}
