import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { ChangeTciRolesCommand } from './change-tci-roles.command.js';

@CommandHandler(ChangeTciRolesCommand)
export class ChangeTciRolesHandler implements ICommandHandler<ChangeTciRolesCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: ChangeTciRolesCommand) {
    const { request } = command;
    const { enterpriseId, locationId, userId } = command.params;
    const { businessContact, secondaryBusinessContact } = request;
    return toCommandResponse(await this.enterprises.run(enterpriseId, command.principal, { type: 'ChangeTciRoles', locationId, userId, businessContact, secondaryBusinessContact }));
  }
}
