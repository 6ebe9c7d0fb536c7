import { type Decider, type DomainEvent, type RecordedEvent, randomIds, systemClock } from '#core';
import type { EventStore } from '../event-store.port.js';
import { newCommandMeta } from '../pipeline/command-meta.js';
import { CommandPipeline } from '../pipeline/command-pipeline.js';

/** What a labelled history recorded: every event read back, and each step's own events and emitted count. */
export interface RecordedHistory {
  readonly events: RecordedEvent[];
  readonly byLabel: Map<string, RecordedEvent[]>;
  readonly emitted: Map<string, number>;
}

/**
 * Drives each labelled command through the real pipeline on one stream (a step that changes nothing
 * throws), then reads everything back and groups the events by the step whose confirmation number they carry.
 */
export async function recordHistory<C extends { type: string; actor: { userId: string } }, E extends DomainEvent, S>(
  eventStore: EventStore,
  stream: string,
  decider: Decider<C, E, S>,
  history: readonly (readonly [label: string, command: () => C])[],
): Promise<RecordedHistory> {
  const pipeline = new CommandPipeline(eventStore, randomIds);
  const confirmations = new Map<string, string>();
  const emitted = new Map<string, number>();
  for (const [label, make] of history) {
    const command = make();
    const outcome = await pipeline.execute({
      stream,
      decider,
      command,
      meta: newCommandMeta({ commandName: command.type, actorId: command.actor.userId }, systemClock, randomIds),
    });
    if (!outcome.changed) throw new Error(`${label} changed nothing`);
    confirmations.set(label, outcome.confirmationNumber);
    emitted.set(label, outcome.events.length);
  }
  const events = await eventStore.readAll({ limit: 100000 });
  const byLabel = new Map(
    history.map(([label]) => [label, events.filter((e) => e.metadata.confirmationNumber === confirmations.get(label))]),
  );
  return { events, byLabel, emitted };
}
