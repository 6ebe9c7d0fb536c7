import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { TransferPrimaryContactRequestDto } from './transfer-primary-contact.request.dto.js';

export class TransferPrimaryContactCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly request: TransferPrimaryContactRequestDto,
  ) {
    super();
  }
}
