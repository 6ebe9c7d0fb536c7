import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { DenySelfAssociationDto } from '../../http/partner-inputs.dto.js';
import type { AssociationParams } from '../../http/partner-params.js';

export class DecideSelfAssociationCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly params: AssociationParams & { locationId?: string },
    readonly decision: 'approve' | 'deny',
    readonly request: DenySelfAssociationDto,
  ) {
    super();
  }
}
