import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { TransferPrimaryContactCommand } from './transfer-primary-contact.command.js';

@CommandHandler(TransferPrimaryContactCommand)
export class TransferPrimaryContactHandler implements ICommandHandler<TransferPrimaryContactCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: TransferPrimaryContactCommand) {
    const { request } = command;
    const { userId, formerPrimaryRole, formerPrimaryPrivileges } = request;
    return this.sites.run(command.siteId, command.principal, {
      type: 'TransferPrimaryContact',
      userId,
      formerPrimaryRole,
      ...(formerPrimaryPrivileges ? { formerPrimaryPrivileges: { ...formerPrimaryPrivileges } } : {}),
    });
  }
}
