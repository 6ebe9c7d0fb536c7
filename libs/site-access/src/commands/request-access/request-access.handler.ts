import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { RequestAccessCommand } from './request-access.command.js';

@CommandHandler(RequestAccessCommand)
export class RequestAccessHandler implements ICommandHandler<RequestAccessCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  async execute({ principal, siteId, request }: RequestAccessCommand) {
    const requestId = this.sites.ids.uuid();
    const result = await this.sites.run(siteId, principal, { type: 'NominateSelf', requestId, ...request });
    return { requestId, ...result };
  }
}
