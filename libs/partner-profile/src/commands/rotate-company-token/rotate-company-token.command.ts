import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { LocationParams } from '../../http/partner-params.js';

export type RotateCompanyTokenResult = CommandResponse & { companyToken: string };

export class RotateCompanyTokenCommand extends Command<RotateCompanyTokenResult> {
  constructor(
    readonly principal: Principal,
    readonly params: LocationParams,
  ) {
    super();
  }
}
