import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { RemoveEmployeeCommand } from './remove-employee.command.js';

@CommandHandler(RemoveEmployeeCommand)
export class RemoveEmployeeHandler implements ICommandHandler<RemoveEmployeeCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: RemoveEmployeeCommand) {
    const { enterpriseId, locationId, userId } = command.params;
    return toCommandResponse(await this.enterprises.run(enterpriseId, command.principal, { type: 'RemoveEmployee', locationId, userId }));
  }
}
