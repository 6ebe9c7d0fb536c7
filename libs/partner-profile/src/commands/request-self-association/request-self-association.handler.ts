import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { secretDigest } from '../../../../core/src/index.js';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { employeeProfile } from '../../http/partner-inputs.dto.js';
import { RequestSelfAssociationCommand } from './request-self-association.command.js';

@CommandHandler(RequestSelfAssociationCommand)
export class RequestSelfAssociationHandler implements ICommandHandler<RequestSelfAssociationCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: RequestSelfAssociationCommand) {
    const { request } = command;
    const { enterpriseId, locationId } = command.params;
    const associationId = this.enterprises.ids.uuid();
    const outcome = await this.enterprises.run(enterpriseId, command.principal, {
      type: 'RequestSelfAssociation',
      locationId,
      associationId,
      companyTokenDigest: secretDigest(request.companyToken),
      employee: employeeProfile(request),
    });
    const status: 'accepted' | 'pending' = outcome.state.associations.get(associationId)?.status === 'accepted' ? 'accepted' : 'pending';
    return { associationId, status, ...toCommandResponse(outcome) };
  }
}
