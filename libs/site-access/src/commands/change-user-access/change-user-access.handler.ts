import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { ChangeUserAccessCommand } from './change-user-access.command.js';

@CommandHandler(ChangeUserAccessCommand)
export class ChangeUserAccessHandler implements ICommandHandler<ChangeUserAccessCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: ChangeUserAccessCommand) {
    const { request } = command;
    return this.sites.run(command.siteId, command.principal, {
      type: 'ChangeUserAccess',
      userId: command.userId,
      ...(request.role !== undefined ? { role: request.role } : {}),
      ...(request.privileges !== undefined ? { privileges: request.privileges } : {}),
    });
  }
}
