import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { DenyAccessRequestDto } from './deny-access.request.dto.js';

export class DenyAccessCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly requestId: string,
    readonly request: DenyAccessRequestDto,
  ) {
    super();
  }
}
