import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { AddUserRequestDto } from './add-user.request.dto.js';

export class AddUserCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly request: AddUserRequestDto,
  ) {
    super();
  }
}
