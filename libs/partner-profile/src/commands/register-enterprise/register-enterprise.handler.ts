import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newSecretToken, secretDigest } from '../../../../core/src/index.js';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { employeeProfile, locationProfile } from '../../http/partner-inputs.dto.js';
import { RegisterEnterpriseCommand } from './register-enterprise.command.js';

@CommandHandler(RegisterEnterpriseCommand)
export class RegisterEnterpriseHandler implements ICommandHandler<RegisterEnterpriseCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: RegisterEnterpriseCommand) {
    const { request } = command;
    const enterpriseId = this.enterprises.ids.uuid();
    const countryEnterpriseId = this.enterprises.ids.uuid();
    const locationId = this.enterprises.ids.uuid();
    const companyToken = newSecretToken();
    const outcome = await this.enterprises.run(enterpriseId, command.principal, {
      type: 'RegisterEnterprise',
      enterpriseId,
      name: request.name,
      countryEnterpriseId,
      countryEnterpriseName: request.countryEnterpriseName,
      location: { ...locationProfile(request.location), locationId, country: request.location.country, companyTokenDigest: secretDigest(companyToken) },
      employee: employeeProfile(request.employee),
    });
    return { enterpriseId, countryEnterpriseId, locationId, companyToken, ...toCommandResponse(outcome) };
  }
}
