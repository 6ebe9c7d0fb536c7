import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../../auth/src/index.js';
import { type Clock, type IdGenerator } from '../../../core/src/index.js';
import { CLOCK, type CommandOutcome, CommandPipeline, ID_GENERATOR, newCommandMeta } from '../../../event-store/src/index.js';
import type { EnterpriseCommand } from '../domain/enterprise.commands.js';
import { enterpriseDecider } from '../domain/enterprise.decider.js';
import type { EnterpriseState } from '../domain/enterprise.state.js';
import { enterpriseStream } from '../domain/enterprise.streams.js';

type CommandBody = EnterpriseCommand extends infer C ? (C extends EnterpriseCommand ? Omit<C, 'actor' | 'at'> : never) : never;

/** The one way an enterprise command reaches the pipeline: actor and time stamped here. */
@Injectable()
export class EnterpriseCommandRunner {
  constructor(
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) readonly ids: IdGenerator,
  ) {}

  run(enterpriseId: string, principal: Principal, body: CommandBody): Promise<CommandOutcome<EnterpriseState>> {
    const meta = newCommandMeta({ commandName: body.type, actorId: principal.userId }, this.clock, this.ids);
    const command = { ...body, actor: { userId: principal.userId, operator: principal.roles.includes('operator'), auditor: principal.roles.includes('auditor') }, at: meta.occurredAt } as EnterpriseCommand;
    return this.pipeline.execute({ stream: enterpriseStream.of(enterpriseId), decider: enterpriseDecider, command, meta });
  }
}
