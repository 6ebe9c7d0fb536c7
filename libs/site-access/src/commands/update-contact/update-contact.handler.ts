import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { contactDetails } from '../../http/contact.dto.js';
import { UpdateContactCommand } from './update-contact.command.js';

@CommandHandler(UpdateContactCommand)
export class UpdateContactHandler implements ICommandHandler<UpdateContactCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: UpdateContactCommand) {
    const { request } = command;
    return this.sites.run(command.siteId, command.principal, {
      type: 'UpdateContact',
      contactId: command.contactId,
      contact: contactDetails(request),
      contactTypes: request.contactTypes,
      ...(request.userId !== undefined ? { userId: request.userId } : {}),
    });
  }
}
