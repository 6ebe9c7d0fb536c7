import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { DecideSelfAssociationCommand } from './decide-self-association.command.js';

@CommandHandler(DecideSelfAssociationCommand)
export class DecideSelfAssociationHandler implements ICommandHandler<DecideSelfAssociationCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: DecideSelfAssociationCommand) {
    const { request } = command;
    const { enterpriseId, associationId, locationId } = command.params;
    const where = locationId ? { locationId } : {};
    const body = command.decision === 'approve'
      ? { type: 'ApproveSelfAssociation' as const, associationId, ...where }
      : { type: 'DenySelfAssociation' as const, associationId, ...where, ...(request.reason ? { reason: request.reason } : {}) };
    return toCommandResponse(await this.enterprises.run(enterpriseId, command.principal, body));
  }
}
