import { type Clock, type IdGenerator, newConfirmationNumber } from '../../../core/src/index.js';

/** Everything about a command that is not its business content; copied into each event's metadata. */
export interface CommandMeta {
  readonly commandName: string;
  readonly actorId: string;
  readonly occurredAt: string;
  readonly confirmationNumber: string;
  readonly correlationId: string;
  readonly causationId: string;
}

export function newCommandMeta(
  input: { commandName: string; actorId: string; correlationId?: string },
  clock: Clock,
  ids: IdGenerator,
): CommandMeta {
  const commandId = ids.uuid();
  return {
    commandName: input.commandName,
    actorId: input.actorId,
    occurredAt: clock.now().toISOString(),
    confirmationNumber: newConfirmationNumber(),
    correlationId: input.correlationId ?? commandId,
    causationId: commandId,
  };
}
