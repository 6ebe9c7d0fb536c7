import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { RegisterSiteRequestDto } from './register-site.request.dto.js';

export class RegisterSiteCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly request: RegisterSiteRequestDto,
  ) {
    super();
  }
}
