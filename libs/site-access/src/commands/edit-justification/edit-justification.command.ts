import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { EditJustificationRequestDto } from './edit-justification.request.dto.js';

export class EditJustificationCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly requestId: string,
    readonly request: EditJustificationRequestDto,
  ) {
    super();
  }
}
