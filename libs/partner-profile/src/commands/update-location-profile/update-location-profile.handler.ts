import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { locationProfile } from '../../http/partner-inputs.dto.js';
import { UpdateLocationProfileCommand } from './update-location-profile.command.js';

@CommandHandler(UpdateLocationProfileCommand)
export class UpdateLocationProfileHandler implements ICommandHandler<UpdateLocationProfileCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: UpdateLocationProfileCommand) {
    const { request } = command;
    const { enterpriseId, locationId } = command.params;
    return toCommandResponse(await this.enterprises.run(enterpriseId, command.principal, { type: 'UpdateLocationProfile', locationId, profile: locationProfile(request) }));
  }
}
