import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newSecretToken, secretDigest } from '../../../../core/src/index.js';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { RotateCompanyTokenCommand } from './rotate-company-token.command.js';

@CommandHandler(RotateCompanyTokenCommand)
export class RotateCompanyTokenHandler implements ICommandHandler<RotateCompanyTokenCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: RotateCompanyTokenCommand) {
    const { enterpriseId, locationId } = command.params;
    const companyToken = newSecretToken();
    const outcome = await this.enterprises.run(enterpriseId, command.principal, { type: 'RotateCompanyToken', locationId, companyTokenDigest: secretDigest(companyToken) });
    return { companyToken, ...toCommandResponse(outcome) };
  }
}
