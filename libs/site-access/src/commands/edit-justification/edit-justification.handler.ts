import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { EditJustificationCommand } from './edit-justification.command.js';

@CommandHandler(EditJustificationCommand)
export class EditJustificationHandler implements ICommandHandler<EditJustificationCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: EditJustificationCommand) {
    const { request } = command;
    return this.sites.run(command.siteId, command.principal, { type: 'EditNominationJustification', requestId: command.requestId, businessJustification: request.businessJustification });
  }
}
