import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { UpdateContactRequestDto } from './update-contact.request.dto.js';

export class UpdateContactCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly contactId: string,
    readonly request: UpdateContactRequestDto,
  ) {
    super();
  }
}
