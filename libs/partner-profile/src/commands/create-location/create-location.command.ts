import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { CreateLocationRequestDto } from '../../http/partner-inputs.dto.js';
import type { EnterpriseParams } from '../../http/partner-params.js';

export type CreateLocationResult = CommandResponse & { locationId: string; countryEnterpriseId: string; companyToken: string };

export class CreateLocationCommand extends Command<CreateLocationResult> {
  constructor(
    readonly principal: Principal,
    readonly params: EnterpriseParams,
    readonly request: CreateLocationRequestDto,
  ) {
    super();
  }
}
