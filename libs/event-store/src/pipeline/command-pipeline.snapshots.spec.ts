import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Decider, errorFactory, randomIds, systemClock } from '#core';
import type { ReadStreamOptions } from '../event-store.port.js';
import { verifyChains } from '../integrity/verify-chains.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { newCommandMeta } from './command-meta.js';
import { CommandPipeline } from './command-pipeline.js';

// The counter of command-pipeline.spec.ts, keeping snapshots: its state is what it has seen.
const counterError = errorFactory({ OVER_THE_CEILING: 409 });
type CounterEvent = { type: 'Incremented'; data: { by: number; total: number } };
type CounterCommand = { by: number; max: number };
type Counter = { total: number; increments: number };
const counterOf = (version: number): Decider<CounterCommand, CounterEvent, Counter> => ({
  initialState: () => ({ total: 0, increments: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by, increments: state.increments + 1 }),
  decide: (command, state) => {
    if (command.by === 0) return [];
    if (state.total + command.by > command.max) throw counterError('OVER_THE_CEILING', 'over the ceiling');
    return [{ type: 'Incremented', data: { by: command.by, total: state.total + command.by } }];
  },
  snapshot: {
    version,
    toJson: (state) => ({ t: state.total, i: state.increments }),
    fromJson: (json) => {
      const { t, i } = json as { t: number; i: number };
      return { total: t, increments: i };
    },
  },
});
const counter = counterOf(1);

/** The real SQLite store, counting the events its readStream hands out (nothing of ours is replaced). */
class CountingStore extends SqliteEventStore {
  eventsRead = 0;
  override async readStream(stream: string, options?: ReadStreamOptions) {
    const events = await super.readStream(stream, options);
    this.eventsRead += events.length;
    return events;
  }
}

describe('CommandPipeline snapshots (on the real SQLite store)', () => {
  let dir: string;
  let store: CountingStore;
  const stream = 'counter-1';
  const run = (on: CommandPipeline, by: number, max = 1_000_000, decider = counter) =>
    on.execute({
      stream,
      decider,
      command: { by, max },
      meta: newCommandMeta({ commandName: 'Increment', actorId: 'ana@example.com' }, systemClock, randomIds),
    });
  const runMany = async (on: CommandPipeline, times: number) => {
    for (let i = 0; i < times; i++) await run(on, 1);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pipeline-snapshots-'));
    store = new CountingStore(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a snapshot every N events of the state it holds, after the events it covers', async () => {
    const pipeline = new CommandPipeline(store, randomIds, { snapshotEvery: 10 });
    await runMany(pipeline, 9);
    expect(await store.snapshots.load(stream)).toBeUndefined();
    await run(pipeline, 1); // revision 9: ten events since none
    const events = await store.readStream(stream);
    expect(await store.snapshots.load(stream)).toEqual({
      stream,
      revision: 9,
      version: 1,
      lastHash: events[9]!.metadata.hash,
      lastOccurredAt: events[9]!.metadata.occurredAt,
      state: { t: 10, i: 10 },
    });
    await runMany(pipeline, 15);
    expect((await store.snapshots.load(stream))?.revision).toBe(19);
  });

  it('a cold pipeline starts from the snapshot and folds only the events after it', async () => {
    await runMany(new CommandPipeline(store, randomIds, { snapshotEvery: 10 }), 25); // snapshot at revision 19
    store.eventsRead = 0;
    const cold = new CommandPipeline(store, randomIds, { snapshotEvery: 10 });
    const outcome = await run(cold, 1);
    expect(outcome.state).toEqual({ total: 26, increments: 26 });
    // revisions 19 (checked against the snapshot's hash) .. 24, not 0 .. 24
    expect(store.eventsRead).toBe(6);
    // The append chained from the snapshot's tip: every chain still verifies from the events alone.
    expect((await verifyChains(store)).broken).toEqual([]);
    expect((await store.readStream(stream)).map((e) => e.data.total)).toEqual(
      Array.from({ length: 26 }, (_, i) => i + 1),
    );
  });

  it('deleting the snapshots changes no answer: the cold pipeline folds everything and gets the same state', async () => {
    await runMany(new CommandPipeline(store, randomIds, { snapshotEvery: 10 }), 25);
    const withSnapshot = await new CommandPipeline(store, randomIds, { snapshotEvery: 10 }).load(stream, counter);
    await store.snapshots.clear();
    store.eventsRead = 0;
    const without = await new CommandPipeline(store, randomIds, { snapshotEvery: 10 }).load(stream, counter);
    expect(store.eventsRead).toBe(25);
    expect({ ...without, snapshotRevision: undefined }).toEqual({ ...withSnapshot, snapshotRevision: undefined });
  });

  it('after a long first fold it writes a snapshot, so the next process start is fast', async () => {
    await runMany(new CommandPipeline(store, randomIds, { snapshots: false }), 30);
    expect(await store.snapshots.load(stream)).toBeUndefined();
    await run(new CommandPipeline(store, randomIds, { snapshotEvery: 10 }), 1);
    expect(await store.snapshots.load(stream)).toMatchObject({ revision: 30, state: { t: 31, i: 31 } });
  });

  it('ignores a snapshot of another decider version and replaces it', async () => {
    await runMany(new CommandPipeline(store, randomIds, { snapshotEvery: 10 }), 25);
    // Same stream, but the state format moved on: version 2 cannot read version 1's snapshot.
    const v2 = counterOf(2);
    store.eventsRead = 0;
    const outcome = await run(new CommandPipeline(store, randomIds, { snapshotEvery: 10 }), 1, 1_000_000, v2);
    expect(store.eventsRead).toBe(25);
    expect(outcome.state).toEqual({ total: 26, increments: 26 });
    expect(await store.snapshots.load(stream)).toMatchObject({ revision: 25, version: 2, state: { t: 26, i: 26 } });
  });

  it('ignores a snapshot that no longer matches the stream (hash at its revision differs) and folds the events', async () => {
    await runMany(new CommandPipeline(store, randomIds, { snapshots: false }), 12);
    await store.snapshots.save({
      stream,
      revision: 5,
      version: 1,
      lastHash: 'not-the-hash-of-revision-5',
      state: { t: 999, i: 999 },
    });
    const loaded = await new CommandPipeline(store, randomIds, { snapshotEvery: 100 }).load(stream, counter);
    expect(loaded.state).toEqual({ total: 12, increments: 12 });
  });

  it('ignores a snapshot it cannot read and folds the events', async () => {
    await runMany(new CommandPipeline(store, randomIds, { snapshots: false }), 12);
    const events = await store.readStream(stream);
    await store.snapshots.save({
      stream,
      revision: 5,
      version: 1,
      lastHash: events[5]!.metadata.hash,
      state: 'garbage',
    });
    const strict: typeof counter = {
      ...counter,
      snapshot: {
        ...counter.snapshot!,
        fromJson: (json) => {
          if (typeof json !== 'object' || json === null) throw new Error('not a counter snapshot');
          return counter.snapshot!.fromJson(json);
        },
      },
    };
    const loaded = await new CommandPipeline(store, randomIds, { snapshotEvery: 100 }).load(stream, strict);
    expect(loaded.state).toEqual({ total: 12, increments: 12 });
  });

  it('a rejected command writes neither events nor snapshots, though its load folded enough for one', async () => {
    await runMany(new CommandPipeline(store, randomIds, { snapshots: false }), 30);
    const before = await store.readAll();
    await expect(run(new CommandPipeline(store, randomIds, { snapshotEvery: 10 }), 1, 30)).rejects.toMatchObject({
      code: 'OVER_THE_CEILING',
    });
    expect(await store.readAll()).toEqual(before);
    expect(await store.snapshots.load(stream)).toBeUndefined();
  });

  it('writes none with snapshotEvery 0, nor for a decider without a snapshot codec', async () => {
    await runMany(new CommandPipeline(store, randomIds, { snapshotEvery: 0 }), 12);
    const { snapshot: _none, ...plain } = counter;
    const pipeline = new CommandPipeline(store, randomIds, { snapshotEvery: 1 });
    for (let i = 0; i < 3; i++) await run(pipeline, 1, 1_000_000, plain);
    expect(await store.snapshots.load(stream)).toBeUndefined();
  });
});
