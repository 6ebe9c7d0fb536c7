import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { ChangeUserAccessRequestDto } from './change-user-access.request.dto.js';

export class ChangeUserAccessCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly userId: string,
    readonly request: ChangeUserAccessRequestDto,
  ) {
    super();
  }
}
