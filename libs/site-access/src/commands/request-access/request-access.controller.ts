import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../../auth/src/index.js';
import { ApiProblems } from '../../../../contract/src/index.js';
import { SiteParams } from '../../http/site-params.js';
import { RequestAccessCommand } from './request-access.command.js';
import { RequestAccessRequestDto } from './request-access.request.dto.js';
import { RequestAccessResponseDto } from './request-access.response.dto.js';

@ApiTags('access requests')
@ApiBearerAuth()
@Controller('v1/sites/:siteId/access-requests')
export class RequestAccessController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiCreatedResponse({ description: '{requestId, confirmationNumber, position}', type: RequestAccessResponseDto })
  @ApiProblems(400, 401, 403, 404, [409, 'ALREADY_MEMBER, REQUEST_PENDING, CONCURRENCY_CONFLICT'])
  request(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @Body() body: RequestAccessRequestDto) {
    return this.commands.execute(new RequestAccessCommand(p, siteId, body));
  }
}
