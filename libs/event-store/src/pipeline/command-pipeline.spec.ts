import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  errorFactory,
  type Clock,
  type Decider,
  DomainError,
  GENESIS_HASH,
  type RecordedEvent,
  eventHash,
  normalizeConfirmationNumber,
  systemClock,
  randomIds,
} from '#core';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { newCommandMeta } from './command-meta.js';
import { CommandPipeline, MAX_CONFLICT_RETRIES } from './command-pipeline.js';

// A tiny fixture aggregate: a counter with a ceiling, enough to drive every pipeline path.
const counterError = errorFactory({ OVER_THE_CEILING: 409 });
type CounterEvent = { type: 'Incremented'; data: { by: number; total: number } };
type CounterCommand = { by: number; max: number; actorId: string };
const counter: Decider<CounterCommand, CounterEvent, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: event.data.total }),
  decide: (command, state) => {
    if (command.by === 0) return [];
    if (state.total + command.by > command.max) throw counterError('OVER_THE_CEILING', 'over the ceiling');
    return [{ type: 'Incremented', data: { by: command.by, total: state.total + command.by } }];
  },
};

describe('CommandPipeline (on the real SQLite store)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let pipeline: CommandPipeline;
  const stream = 'counter-1';
  const meta = () => newCommandMeta({ commandName: 'Increment', actorId: 'ana@example.com' }, systemClock, randomIds);
  const run = (by: number, max = 100, on = pipeline) =>
    on.execute({ stream, decider: counter, command: { by, max, actorId: 'ana@example.com' }, meta: meta() });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pipeline-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    pipeline = new CommandPipeline(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends the decided events with full metadata and answers a confirmation number and position', async () => {
    const outcome = await run(2);
    expect(outcome.changed).toBe(true);
    if (!outcome.changed) return;
    expect(normalizeConfirmationNumber(outcome.confirmationNumber)).toBe(outcome.confirmationNumber);
    const [event] = await store.readStream(stream);
    expect(event!.type).toBe('Incremented');
    expect(event!.data).toEqual({ by: 2, total: 2 });
    expect(event!.position).toBe(outcome.position);
    expect(event!.metadata).toMatchObject({
      actorId: 'ana@example.com',
      command: 'Increment',
      confirmationNumber: outcome.confirmationNumber,
    });
    expect(Date.parse(event!.metadata.occurredAt)).not.toBeNaN();
    expect(event!.metadata.correlationId).toEqual(expect.any(String));
    expect(event!.metadata.causationId).toEqual(expect.any(String));
  });

  it('chains every event to the previous one in its stream', async () => {
    await run(1);
    await run(2);
    await new CommandPipeline(store).execute({
      stream,
      decider: counter,
      command: { by: 3, max: 100, actorId: 'bo@example.com' },
      meta: meta(),
    });
    const events = await store.readStream(stream);
    expect(events).toHaveLength(3);
    let previous = GENESIS_HASH;
    for (const event of events) {
      expect(event.metadata.hash).toBe(eventHash(previous, event));
      previous = event.metadata.hash;
    }
    const tampered = { ...events[1], data: { by: 2, total: 99 } } as RecordedEvent;
    expect(eventHash(events[0]!.metadata.hash, tampered)).not.toBe(events[1]!.metadata.hash);
  });

  it('records nothing and answers changed:false when the decider decides nothing', async () => {
    await run(1);
    const before = await store.readAll();
    expect(await run(0)).toEqual({ changed: false, state: { total: 1 } });
    expect(await store.readAll()).toEqual(before);
  });

  it('records nothing when the decider rejects the command', async () => {
    await run(5, 5);
    const before = await store.readAll();
    await expect(run(1, 5)).rejects.toMatchObject({ code: 'OVER_THE_CEILING' });
    expect(await store.readAll()).toEqual(before);
  });

  it('re-decides on fresh state when another writer appended meanwhile', async () => {
    const other = new CommandPipeline(store);
    await run(1); // this pipeline caches revision 0
    await run(1, 100, other); // another process moves the stream to revision 1
    const outcome = await run(1);
    expect(outcome.changed && outcome.state).toEqual({ total: 3 });
    expect((await store.readStream(stream)).map((e) => e.data.total)).toEqual([1, 2, 3]);
  });

  it('gives up with CONCURRENCY_CONFLICT after its retries and records nothing of its own', async () => {
    let decisions = 0;
    // Every time our command decides, another writer slips an event in first: the SQLite adapter
    // runs its transaction before its first await, so this append lands before ours is attempted.
    const contested: typeof counter = {
      ...counter,
      decide: (command, state) => {
        decisions += 1;
        const intruding = { by: 1, total: state.total + 1 };
        void store.append(
          stream,
          [
            {
              id: randomIds.uuid(),
              type: 'Incremented',
              data: intruding,
              metadata: { ...meta(), command: 'Intrude', hash: 'x' },
            },
          ],
          'any',
        );
        return counter.decide(command, state);
      },
    };
    await run(1);
    await expect(
      pipeline.execute({ stream, decider: contested, command: { by: 10, max: 1000, actorId: 'a' }, meta: meta() }),
    ).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    await new Promise((r) => setTimeout(r, 50));
    expect(decisions).toBe(MAX_CONFLICT_RETRIES + 1);
    const events = await store.readStream(stream);
    expect(events.map((e) => e.data.by)).toEqual([1, 1, 1, 1, 1]);
  });

  it('serialises concurrent commands on one stream so the business rule answers, not a conflict', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => run(1, 4)));
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(4);
    expect(rejected.map((r) => (r.reason as DomainError).code)).toEqual(Array(6).fill('OVER_THE_CEILING'));
    expect(await store.readStream(stream)).toHaveLength(4);
  });
  describe('occurredAt never goes back within a stream', () => {
    /** A clock that answers the given instants in turn: here it goes backwards, as a skewed replica would. */
    const clockOf = (...instants: string[]): Clock => ({ now: () => new Date(instants.shift()!) });
    const metaAt = (clock: Clock) =>
      newCommandMeta({ commandName: 'Increment', actorId: 'ana@example.com' }, clock, randomIds);
    const runAt = (clock: Clock, on = pipeline) =>
      on.execute({
        stream,
        decider: counter,
        command: { by: 1, max: 100, actorId: 'ana@example.com' },
        meta: metaAt(clock),
      });
    const times = async () => (await store.readStream(stream)).map((e) => e.metadata.occurredAt);

    it('clamps an event stamped by a clock that went backwards to the last event of its stream', async () => {
      const clock = clockOf('2026-03-01T10:00:00.000Z', '2026-03-01T09:00:00.000Z', '2026-03-01T11:00:00.000Z');
      await runAt(clock);
      // A fresh pipeline (another replica, empty cache) must clamp too: it learns the last time from the store.
      await runAt(clock, new CommandPipeline(store));
      await runAt(clock);
      expect(await times()).toEqual([
        '2026-03-01T10:00:00.000Z',
        '2026-03-01T10:00:00.000Z',
        '2026-03-01T11:00:00.000Z',
      ]);
      // The hash chain covers the clamped time.
      let previous = GENESIS_HASH;
      for (const event of await store.readStream(stream)) {
        expect(event.metadata.hash).toBe(eventHash(previous, event));
        previous = event.metadata.hash;
      }
    });

    it("clamps a conflict retry that kept its first attempt's (earlier) time", async () => {
      await runAt(clockOf('2026-03-01T08:00:00.000Z'));
      const slow = metaAt(clockOf('2026-03-01T10:00:00.000Z')); // our command is stamped first ...
      await runAt(clockOf('2026-03-01T10:05:00.000Z'), new CommandPipeline(store)); // ... another writer lands first
      const outcome = await pipeline.execute({
        stream,
        decider: counter,
        command: { by: 1, max: 100, actorId: 'a' },
        meta: slow,
      });
      expect(outcome.changed && outcome.events[0]!.metadata.occurredAt).toBe('2026-03-01T10:05:00.000Z');
      expect(await times()).toEqual([
        '2026-03-01T08:00:00.000Z',
        '2026-03-01T10:05:00.000Z',
        '2026-03-01T10:05:00.000Z',
      ]);
      // So reading the stream as it was at 10:02 sees a prefix, never our event without the one it followed.
      const asOf = await store.readStream(stream, { until: new Date('2026-03-01T10:02:00.000Z') });
      expect(asOf.map((e) => e.revision)).toEqual([0]);
    });
  });
});
