import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Decider, type NewEvent, systemClock, randomIds } from '#core';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { newCommandMeta } from './command-meta.js';
import { CommandPipeline } from './command-pipeline.js';
import { MemoryIdempotencyKeys } from './memory-idempotency-keys.js';

const sampleNewEvent = (): NewEvent => ({
  id: randomUUID(),
  type: 'Added',
  data: { by: 1 },
  metadata: {
    actorId: 'ana@example.com',
    occurredAt: new Date().toISOString(),
    correlationId: 'c',
    causationId: 'c',
    command: 'Add',
    confirmationNumber: 'AAAA-BBBB-CCCC',
    hash: 'h',
  },
});

type Added = { type: 'Added'; data: { by: number; total: number } };
const adder: Decider<{ by: number }, Added, { total: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (_, event) => ({ total: event.data.total }),
  decide: (command, state) => [{ type: 'Added', data: { by: command.by, total: state.total + command.by } }],
};

describe('CommandPipeline with Idempotency-Keys (on the real SQLite store)', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pipeline-idem-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const meta = (key?: string, fingerprint = 'fp-1', actorId = 'ana@example.com') =>
    newCommandMeta(
      { commandName: 'Add', actorId, ...(key ? { idempotency: { key, fingerprint } } : {}) },
      systemClock,
      randomIds,
    );
  const run = (pipeline: CommandPipeline, by: number, m = meta()) =>
    pipeline.execute({ stream: 'sum-1', decider: adder, command: { by }, meta: m });

  it('answers a retry from the record, in another pipeline on the same file too (a restarted process), recording nothing', async () => {
    const first = await run(new CommandPipeline(store), 5, meta('k1'));
    const head = await store.headPosition();
    const reopened = new SqliteEventStore(store.file);
    const retry = await run(new CommandPipeline(reopened), 5, meta('k1')).finally(() => reopened.close());
    expect(retry).toMatchObject({ changed: true, replayed: true, state: { total: 5 } });
    if (!first.changed || !retry.changed) throw new Error('both changed');
    expect({ confirmationNumber: retry.confirmationNumber, position: retry.position, events: retry.events }).toEqual({
      confirmationNumber: first.confirmationNumber,
      position: first.position,
      events: first.events,
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses the key for another request (422) and for nobody else: keys are per principal', async () => {
    const pipeline = new CommandPipeline(store);
    await run(pipeline, 1, meta('k2', 'fp-a'));
    await expect(run(pipeline, 2, meta('k2', 'fp-b'))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      status: 422,
    });
    expect((await store.readStream('sum-1')).length).toBe(1);
    expect(await run(pipeline, 2, meta('k2', 'fp-b', 'bo@example.com'))).toMatchObject({
      changed: true,
      state: { total: 3 },
    });
  });

  it('records the key in the append transaction: a key already recorded aborts the append (409) and appends nothing', async () => {
    const claim = { scope: 'ana@example.com', key: 'k3', fingerprint: 'fp', recordedAt: new Date().toISOString() };
    await store.append('s-1', [sampleNewEvent()], 'no_stream', { idempotency: claim });
    await expect(
      store.append('s-2', [sampleNewEvent(), sampleNewEvent()], 'no_stream', { idempotency: claim }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_IN_USE',
      status: 409,
    });
    expect(await store.readStream('s-2')).toEqual([]);
    expect((await store.readAll()).length).toBe(1);
    expect(await store.idempotencyKeys.find('ana@example.com', 'k3', '1970-01-01T00:00:00.000Z')).toMatchObject({
      stream: 's-1',
      fingerprint: 'fp',
    });
  });

  it('serialises concurrent requests with one key: one command recorded, every caller gets its answer', async () => {
    const pipeline = new CommandPipeline(store);
    const answers = await Promise.all(Array.from({ length: 5 }, () => run(pipeline, 7, meta('k4'))));
    expect((await store.readStream('sum-1')).length).toBe(1);
    expect(new Set(answers.map((a) => (a.changed ? a.confirmationNumber : 'none'))).size).toBe(1);
    expect(answers.filter((a) => a.changed && a.replayed).length).toBe(4);
  });

  it('forgets keys older than the retention', async () => {
    const pipeline = new CommandPipeline(store, randomIds, { idempotencyRetentionMs: 1 });
    await run(pipeline, 1, meta('k5'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await run(pipeline, 1, meta('k5'))).toMatchObject({ changed: true, state: { total: 2 } });
    expect((await store.readStream('sum-1')).length).toBe(2);
  });
});

describe('MemoryIdempotencyKeys (for stores that cannot record keys with their appends)', () => {
  const record = (recordedAt: string) => ({
    fingerprint: 'fp',
    recordedAt,
    stream: 's',
    events: [sampleNewEvent()],
    position: '1-1' as never,
  });
  const claim = (key: string) => ({ scope: 'ana', key, fingerprint: 'fp', recordedAt: '2026-01-01T00:00:00.000Z' });

  it('keeps at most its capacity, forgetting the oldest first', async () => {
    const keys = new MemoryIdempotencyKeys(2);
    for (const key of ['a', 'b', 'c']) keys.remember(claim(key), record('2026-01-01T00:00:00.000Z'));
    expect(await keys.find('ana', 'a', '2000-01-01T00:00:00.000Z')).toBeUndefined();
    expect(await keys.find('ana', 'c', '2000-01-01T00:00:00.000Z')).toMatchObject({ fingerprint: 'fp' });
    expect(await keys.find('bo', 'c', '2000-01-01T00:00:00.000Z')).toBeUndefined();
  });

  it('forgets a record older than `since`', async () => {
    const keys = new MemoryIdempotencyKeys();
    keys.remember(claim('a'), record('2026-01-01T00:00:00.000Z'));
    expect(await keys.find('ana', 'a', '2026-01-02T00:00:00.000Z')).toBeUndefined();
    expect(await keys.find('ana', 'a', '2000-01-01T00:00:00.000Z')).toBeUndefined();
  });
});
