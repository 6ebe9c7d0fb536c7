import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { RegisterSiteCommand } from './register-site.command.js';
import { RegisterSiteRequestDto } from './register-site.request.dto.js';

@ApiTags('sites')
@ApiBearerAuth()
@Controller('v1/sites')
export class RegisterSiteController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiCreatedResponse({ description: '{siteId, confirmationNumber, position}' })
  @ApiConflictResponse({ description: 'SITE_EXISTS' })
  async register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterSiteRequestDto) {
    const result = await this.commands.execute(new RegisterSiteCommand(principal, body));
    return { siteId: body.siteId, ...result };
  }
}
