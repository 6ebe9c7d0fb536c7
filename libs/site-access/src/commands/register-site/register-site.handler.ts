import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { contactDetails } from '../../http/contact.dto.js';
import { RegisterSiteCommand } from './register-site.command.js';

@CommandHandler(RegisterSiteCommand)
export class RegisterSiteHandler implements ICommandHandler<RegisterSiteCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute({ principal, request }: RegisterSiteCommand) {
    const { userId, contactTypes } = request.primaryContact;
    return this.sites.run(request.siteId, principal, {
      type: 'RegisterSite',
      siteId: request.siteId,
      name: request.name,
      primary: { userId, ...contactDetails(request.primaryContact) },
      contactId: 'primary',
      contactTypes: contactTypes ?? ['administrative'],
    });
  }
}
