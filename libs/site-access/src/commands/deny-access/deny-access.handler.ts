import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { DenyAccessCommand } from './deny-access.command.js';

@CommandHandler(DenyAccessCommand)
export class DenyAccessHandler implements ICommandHandler<DenyAccessCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: DenyAccessCommand) {
    const { request } = command;
    return this.sites.run(command.siteId, command.principal, {
      type: 'DenyAccess',
      requestId: command.requestId,
      reason: request.reason,
      ...(request.businessJustification !== undefined ? { businessJustification: request.businessJustification } : {}),
    });
  }
}
