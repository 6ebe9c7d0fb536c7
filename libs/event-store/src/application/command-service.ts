import type { FactoryProvider } from '@nestjs/common';
import { type Clock, type Decider, type DomainEvent, DomainError, type IdGenerator } from '#core';
import { CLOCK, ID_GENERATOR } from '../event-store.module.js';
import { newCommandMeta } from '../pipeline/command-meta.js';
import { CommandAdmission } from './command-admission.js';
import { type CommandOutcome, CommandPipeline } from '../pipeline/command-pipeline.js';
import { type CommandResponse, toCommandResponse } from '../pipeline/command-response.js';
import { takeIdempotentRequest } from './idempotent-request.js';

/** A domain command as the caller writes it: the service stamps `actor` and `at`. */
export type CommandBody<C> = C extends unknown ? Omit<C, 'actor' | 'at'> : never;

/** What a bounded context gives the one command service for one of its aggregates. */
export interface CommandContext<
  C extends { readonly type: string },
  E extends DomainEvent,
  S,
  I extends { readonly userId: string },
> {
  readonly decider: Decider<C, E, S>;
  /** The aggregate's stream, from the context's stream-name helper. */
  readonly streamOf: (id: string) => string;
  /** The issuer as the domain sees them, stamped on every command as `actor`. */
  readonly actorOf: (issuer: I) => unknown;
}

/** A command's answer and what it decided, read back as domain events (ids of what it created live there). */
export class Executed<E extends DomainEvent> {
  constructor(
    readonly response: CommandResponse,
    readonly events: readonly E[],
    /** The recorded answer of an earlier request with the same Idempotency-Key: nothing new was decided or recorded. */
    readonly replayed = false,
  ) {}

  /**
   * For answers that show a secret once (company tokens): the secret of a replayed command is
   * known to nobody any more, so its answer cannot be repeated; say so instead of a wrong secret.
   */
  unlessReplayed(): this {
    if (!this.replayed) return this;
    const recorded =
      'confirmationNumber' in this.response ? ` under confirmation number ${this.response.confirmationNumber}` : '';
    throw new DomainError(
      'IDEMPOTENT_ANSWER_UNAVAILABLE',
      `This request was already recorded${recorded}; its answer held a secret shown only once, so it cannot be repeated. Nothing new was recorded.`,
    );
  }

  has(type: E['type']): boolean {
    return this.events.some((event) => event.type === type);
  }

  /** The first decided event of a type; a creating command that decided none is a bug, not an answer. */
  the<T extends E['type']>(type: T): Extract<E, { type: T }> {
    const found = this.events.find((event): event is Extract<E, { type: T }> => event.type === type);
    if (!found) throw new Error(`The command decided no ${type} event.`);
    return found;
  }
}

/**
 * The one command path of every context: stamp actor and time, decide on the aggregate's stream
 * through the pipeline, answer with the confirmation. Controllers map their DTO to the domain
 * command and call it; no HTTP type reaches it.
 */
export class CommandService<
  C extends { readonly type: string },
  E extends DomainEvent,
  S,
  I extends { readonly userId: string },
> {
  constructor(
    private readonly context: CommandContext<C, E, S, I>,
    private readonly pipeline: CommandPipeline,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** The process's bound on commands in flight (unbounded when not given). */
    private readonly admission: CommandAdmission = new CommandAdmission(Infinity),
  ) {}

  /** A fresh id for something a command creates: chosen here so deciding stays pure. */
  newId(): string {
    return this.ids.uuid();
  }

  execute(id: string, issuer: I, body: CommandBody<C>): Promise<Executed<E>> {
    return this.admission.run(() => this.executeAdmitted(id, issuer, body));
  }

  private async executeAdmitted(id: string, issuer: I, body: CommandBody<C>): Promise<Executed<E>> {
    const idempotency = takeIdempotentRequest();
    const meta = newCommandMeta(
      { commandName: body.type, actorId: issuer.userId, ...(idempotency ? { idempotency } : {}) },
      this.clock,
      this.ids,
    );
    // A distributive Omit spread back together is the command again; TypeScript cannot see that generically.
    const command = { ...body, actor: this.context.actorOf(issuer), at: meta.occurredAt } as C;
    const { decider, streamOf } = this.context;
    const outcome = await this.pipeline.execute({ stream: streamOf(id), decider, command, meta });
    return new Executed(
      toCommandResponse(outcome),
      this.decided(outcome),
      outcome.changed && outcome.replayed === true,
    );
  }

  /** The common answer: `{confirmationNumber, position}` or `{changed: false}`. */
  async run(id: string, issuer: I, body: CommandBody<C>): Promise<CommandResponse> {
    return (await this.execute(id, issuer, body)).response;
  }

  private decided(outcome: CommandOutcome<S>): E[] {
    if (!outcome.changed) return [];
    const read = this.context.decider.read ?? ((stored) => stored as E);
    return outcome.events
      .map((event) => read({ type: event.type, data: event.data }))
      .filter((event) => event !== undefined);
  }
}

/** Registers a context's command service under `token`, on the app's one pipeline, clock and ids. */
export function commandServiceProvider<
  C extends { readonly type: string },
  E extends DomainEvent,
  S,
  I extends { readonly userId: string },
>(token: symbol, context: CommandContext<C, E, S, I>): FactoryProvider<CommandService<C, E, S, I>> {
  return {
    provide: token,
    useFactory: (pipeline: CommandPipeline, clock: Clock, ids: IdGenerator, admission: CommandAdmission) =>
      new CommandService(context, pipeline, clock, ids, admission),
    inject: [CommandPipeline, CLOCK, ID_GENERATOR, CommandAdmission],
  };
}
