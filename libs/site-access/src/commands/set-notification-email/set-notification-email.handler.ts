import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Clock, type IdGenerator } from '../../../../core/src/index.js';
import { CLOCK, CommandPipeline, ID_GENERATOR, newCommandMeta, toCommandResponse } from '../../../../event-store/src/index.js';
import { userPreferencesDecider } from '../../domain/user-preferences.js';
import { SetNotificationEmailCommand } from './set-notification-email.command.js';
import { userStream } from '../../domain/site.streams.js';

@CommandHandler(SetNotificationEmailCommand)
export class SetNotificationEmailHandler implements ICommandHandler<SetNotificationEmailCommand> {
  constructor(
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ principal, email }: SetNotificationEmailCommand) {
    const { userId } = principal;
    const meta = newCommandMeta({ commandName: 'SetNotificationEmail', actorId: userId }, this.clock, this.ids);
    const outcome = await this.pipeline.execute({
      stream: userStream.of(userId),
      decider: userPreferencesDecider,
      command: { type: 'SetNotificationEmail', userId, email, actor: { auditor: principal.roles.includes('auditor') } },
      meta,
    });
    return toCommandResponse(outcome);
  }
}
