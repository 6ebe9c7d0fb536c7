import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { RegisterEnterpriseRequestDto } from '../../http/partner-inputs.dto.js';

export type RegisterEnterpriseResult = CommandResponse & { enterpriseId: string; countryEnterpriseId: string; locationId: string; companyToken: string };

export class RegisterEnterpriseCommand extends Command<RegisterEnterpriseResult> {
  constructor(
    readonly principal: Principal,
    readonly request: RegisterEnterpriseRequestDto,
  ) {
    super();
  }
}
