import { join } from 'node:path';
import { type Decider, GENESIS_HASH, type NewEvent, eventHash, randomIds, systemClock } from '#core';
import { CommandPipeline, SqliteEventStore, newCommandMeta } from '#event-store';
import { median, percentile, sampleEvent, tempDir } from './bench-util.js';

type Added = { type: 'UserAdded'; data: Record<string, unknown> };
type Members = { count: number };
const addUser: Decider<{ i: number }, Added, Members> = {
  initialState: () => ({ count: 0 }),
  evolve: (state) => ({ count: state.count + 1 }),
  decide: (command) => [{ type: 'UserAdded', data: sampleEvent(command.i).data as Record<string, unknown> }],
  snapshot: { version: 1, toJson: (state) => state, fromJson: (json) => json as Members },
};

/** (c) Command latency (load + decide + durable append) on a stream of `bigSize` events vs a fresh one. */
export async function benchCommand(bigSize: number, samples: number) {
  const { dir, cleanup } = tempDir('bench-command-');
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  await seedStream(store, 'site-big', bigSize);
  let pipeline = new CommandPipeline(store);
  const run = async (stream: string, i: number) => {
    const started = performance.now();
    await pipeline.execute({
      stream,
      decider: addUser,
      command: { i },
      meta: newCommandMeta({ commandName: 'AddUser', actorId: 'admin@example.com' }, systemClock, randomIds),
    });
    return performance.now() - started;
  };
  // Cold (a new pipeline, as after a process start): without a snapshot it folds every event (and
  // then writes one); with it, it reads the snapshot and the events after it.
  const coldBig = await run('site-big', 0);
  pipeline = new CommandPipeline(store);
  const coldWithSnapshot = await run('site-big', 0);
  const big: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < samples; i++) {
    big.push(await run('site-big', i));
    fresh.push(await run(`site-fresh-${i}`, i));
  }
  await store.close();
  cleanup();
  return {
    coldBigMs: coldBig,
    coldWithSnapshotMs: coldWithSnapshot,
    bigMedianMs: median(big),
    bigP99Ms: percentile(big, 99),
    freshMedianMs: median(fresh),
    freshP99Ms: percentile(fresh, 99),
    ratio: median(big) / median(fresh),
  };
}

async function seedStream(store: SqliteEventStore, stream: string, size: number) {
  let hash = GENESIS_HASH;
  for (let i = 0; i < size; i += 1000) {
    const batch: NewEvent[] = Array.from({ length: Math.min(1000, size - i) }, (_, j) => {
      const e = sampleEvent(i + j);
      hash = eventHash(hash, e);
      return { ...e, metadata: { ...e.metadata, hash } };
    });
    await store.append(stream, batch, i === 0 ? 'no_stream' : i - 1);
  }
}
