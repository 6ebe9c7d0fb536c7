import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { ChangeSelfAssociationPolicyCommand } from './change-self-association-policy.command.js';

@CommandHandler(ChangeSelfAssociationPolicyCommand)
export class ChangeSelfAssociationPolicyHandler implements ICommandHandler<ChangeSelfAssociationPolicyCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: ChangeSelfAssociationPolicyCommand) {
    const { request } = command;
    const { enterpriseId, locationId } = command.params;
    return toCommandResponse(await this.enterprises.run(enterpriseId, command.principal, { type: 'ChangeSelfAssociationPolicy', locationId, autoAcceptSelfAssociation: request.autoAcceptSelfAssociation }));
  }
}
