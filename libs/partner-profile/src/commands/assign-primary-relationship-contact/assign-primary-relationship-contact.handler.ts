import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { AssignPrimaryRelationshipContactCommand } from './assign-primary-relationship-contact.command.js';

@CommandHandler(AssignPrimaryRelationshipContactCommand)
export class AssignPrimaryRelationshipContactHandler implements ICommandHandler<AssignPrimaryRelationshipContactCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: AssignPrimaryRelationshipContactCommand) {
    const { request } = command;
    const { enterpriseId, locationId } = command.params;
    return toCommandResponse(await this.enterprises.run(enterpriseId, command.principal, { type: 'AssignPrimaryRelationshipContact', locationId, userId: request.userId }));
  }
}
