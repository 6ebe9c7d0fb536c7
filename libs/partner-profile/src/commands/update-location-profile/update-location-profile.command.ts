import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { LocationProfileDto } from '../../http/partner-inputs.dto.js';
import type { LocationParams } from '../../http/partner-params.js';

export class UpdateLocationProfileCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly params: LocationParams,
    readonly request: LocationProfileDto,
  ) {
    super();
  }
}
