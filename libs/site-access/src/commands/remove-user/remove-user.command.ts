import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';

export class RemoveUserCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly userId: string,
  ) {
    super();
  }
}
