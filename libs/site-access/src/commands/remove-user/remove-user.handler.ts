import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { RemoveUserCommand } from './remove-user.command.js';

@CommandHandler(RemoveUserCommand)
export class RemoveUserHandler implements ICommandHandler<RemoveUserCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: RemoveUserCommand) {
    return this.sites.run(command.siteId, command.principal, { type: 'RemoveUser', userId: command.userId });
  }
}
