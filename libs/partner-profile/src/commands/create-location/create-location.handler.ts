import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newSecretToken, secretDigest } from '../../../../core/src/index.js';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { employeeProfile, locationProfile } from '../../http/partner-inputs.dto.js';
import { CreateLocationCommand } from './create-location.command.js';

@CommandHandler(CreateLocationCommand)
export class CreateLocationHandler implements ICommandHandler<CreateLocationCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: CreateLocationCommand) {
    const { request } = command;
    const locationId = this.enterprises.ids.uuid();
    const companyToken = newSecretToken();
    const outcome = await this.enterprises.run(command.params.enterpriseId, command.principal, {
      type: 'CreateLocation',
      location: { ...locationProfile(request), locationId, country: request.country, companyTokenDigest: secretDigest(companyToken) },
      newCountryEnterpriseId: this.enterprises.ids.uuid(),
      employee: employeeProfile(request.employee),
    });
    const countryEnterpriseId = outcome.state.locations.get(locationId)!.countryEnterpriseId;
    return { locationId, countryEnterpriseId, companyToken, ...toCommandResponse(outcome) };
  }
}
