import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SiteCommandRunner } from '../../application/site-command-runner.js';
import { AddUserCommand } from './add-user.command.js';

@CommandHandler(AddUserCommand)
export class AddUserHandler implements ICommandHandler<AddUserCommand> {
  constructor(@Inject(SiteCommandRunner) private readonly sites: SiteCommandRunner) {}

  execute(command: AddUserCommand) {
    const { request } = command;
    return this.sites.run(command.siteId, command.principal, {
      type: 'AddUser',
      user: { userId: request.userId, firstName: request.firstName, lastName: request.lastName, email: request.email },
      role: request.role,
      privileges: request.privileges ?? {},
    });
  }
}
