import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCommandResponse } from '../../../../event-store/src/index.js';
import { EnterpriseCommandRunner } from '../../application/enterprise-command-runner.js';
import { employeeProfile } from '../../http/partner-inputs.dto.js';
import { UpdateEmployeeProfileCommand } from './update-employee-profile.command.js';

@CommandHandler(UpdateEmployeeProfileCommand)
export class UpdateEmployeeProfileHandler implements ICommandHandler<UpdateEmployeeProfileCommand> {
  constructor(@Inject(EnterpriseCommandRunner) private readonly enterprises: EnterpriseCommandRunner) {}

  async execute(command: UpdateEmployeeProfileCommand) {
    const { request } = command;
    const { enterpriseId, locationId, userId } = command.params;
    return toCommandResponse(await this.enterprises.run(enterpriseId, command.principal, { type: 'UpdateEmployeeProfile', locationId, userId, profile: employeeProfile(request) }));
  }
}
