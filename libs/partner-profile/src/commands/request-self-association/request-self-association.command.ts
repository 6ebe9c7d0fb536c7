import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { SelfAssociationRequestDto } from '../../http/partner-inputs.dto.js';
import type { LocationParams } from '../../http/partner-params.js';

export type SelfAssociationResult = CommandResponse & { associationId: string; status: 'accepted' | 'pending' };

export class RequestSelfAssociationCommand extends Command<SelfAssociationResult> {
  constructor(
    readonly principal: Principal,
    readonly params: LocationParams,
    readonly request: SelfAssociationRequestDto,
  ) {
    super();
  }
}
