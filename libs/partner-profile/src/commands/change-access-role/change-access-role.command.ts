import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { AccessRoleDto } from '../../http/partner-inputs.dto.js';
import type { EmployeeParams } from '../../http/partner-params.js';

export class ChangeAccessRoleCommand extends Command<CommandResponse> {
  constructor(
    readonly principal: Principal,
    readonly params: EmployeeParams,
    readonly request: AccessRoleDto,
  ) {
    super();
  }
}
