import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { RemoveContactCommand } from './remove-contact.command.js';

@CommandHandler(RemoveContactCommand)
export class RemoveContactHandler implements ICommandHandler<RemoveContactCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: RemoveContactCommand) {
    return this.sites.run(command.siteId, command.principal, { type: 'RemoveContact', contactId: command.contactId });
  }
}
