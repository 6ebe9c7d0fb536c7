import { type Clock, type IdGenerator, newConfirmationNumber } from '#core';
import type { IdempotencyClaim } from '../event-store.port.js';

/** Everything about a command that is not its business content; copied into each event's metadata. */
export interface CommandMeta {
  readonly commandName: string;
  readonly actorId: string;
  readonly occurredAt: string;
  readonly confirmationNumber: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The request's Idempotency-Key, when it sent one (never copied into the events). */
  readonly idempotency?: IdempotencyClaim;
}

export function newCommandMeta(
  input: {
    commandName: string;
    actorId: string;
    correlationId?: string;
    idempotency?: { key: string; fingerprint: string };
  },
  clock: Clock,
  ids: IdGenerator,
): CommandMeta {
  const commandId = ids.uuid();
  const occurredAt = clock.now().toISOString();
  return {
    commandName: input.commandName,
    actorId: input.actorId,
    occurredAt,
    confirmationNumber: newConfirmationNumber(),
    correlationId: input.correlationId ?? commandId,
    causationId: commandId,
    // Keys are scoped per principal: another person's identical key is another key.
    ...(input.idempotency
      ? { idempotency: { scope: input.actorId, ...input.idempotency, recordedAt: occurredAt } }
      : {}),
  };
}
