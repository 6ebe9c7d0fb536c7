import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { DEFAULT_ACCESS_ROLE } from '../../domain/access-roles.js';
import { ChangeAccessRoleCommand } from './change-access-role.command.js';

@CommandHandler(ChangeAccessRoleCommand)
export class ChangeAccessRoleHandler implements ICommandHandler<ChangeAccessRoleCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: ChangeAccessRoleCommand) {
    const { request } = command;
    const { enterpriseId, locationId, userId } = command.params;
    return toCommandResponse(await this.enterprises.run(enterpriseId, command.principal, { type: 'ChangeAccessRole', locationId, userId, accessRole: request.accessRole ?? DEFAULT_ACCESS_ROLE }));
  }
}
