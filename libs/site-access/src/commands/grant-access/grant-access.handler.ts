import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { GrantAccessCommand } from './grant-access.command.js';

@CommandHandler(GrantAccessCommand)
export class GrantAccessHandler implements ICommandHandler<GrantAccessCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: GrantAccessCommand) {
    const { request } = command;
    return this.sites.run(command.siteId, command.principal, {
      type: 'GrantAccess',
      requestId: command.requestId,
      role: request.role,
      privileges: request.privileges ?? {},
      ...(request.businessJustification !== undefined ? { businessJustification: request.businessJustification } : {}),
    });
  }
}
