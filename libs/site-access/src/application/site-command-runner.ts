import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../../auth/src/index.js';
import { type Clock, type IdGenerator } from '../../../core/src/index.js';
import {
  CLOCK,
  CommandPipeline,
  type CommandResponse,
  ID_GENERATOR,
  newCommandMeta,
  toCommandResponse,
} from '../../../event-store/src/index.js';
import type { SiteCommand } from '../domain/site.commands.js';
import { siteDecider } from '../domain/site.decider.js';
import { actorOf } from './actor.js';
import { siteStream } from '../domain/site.streams.js';

type CommandBody = SiteCommand extends infer C ? (C extends SiteCommand ? Omit<C, 'actor' | 'at'> : never) : never;

/** The one way a site command reaches the pipeline: actor and time stamped here, decided in the domain. */
@Injectable()
export class SiteCommandRunner {
  constructor(
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) readonly ids: IdGenerator,
  ) {}

  async run(siteId: string, principal: Principal, body: CommandBody): Promise<CommandResponse> {
    const meta = newCommandMeta({ commandName: body.type, actorId: principal.userId }, this.clock, this.ids);
    const command = { ...body, actor: actorOf(principal), at: meta.occurredAt } as SiteCommand;
    const outcome = await this.pipeline.execute({ stream: siteStream.of(siteId), decider: siteDecider, command, meta });
    return toCommandResponse(outcome);
  }
}
