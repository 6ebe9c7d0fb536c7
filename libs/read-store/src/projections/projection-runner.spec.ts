import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type Position, type RecordedEvent, positionOf } from '#core';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import type { DocumentStore } from '../document-store.port.js';
import Database from 'better-sqlite3';
import { SqliteDocumentStore } from '../sqlite/sqlite-document-store.js';
import { expectIdempotent } from '../testing/projection-testing.js';
import { CHECKPOINTS } from './checkpoint-store.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { TEST_METADATA } from '#core/testing/test-metadata';

// Fixture read model: events per stream, guarded by position so a replayed event counts once.
class StreamTally implements Projection {
  readonly name = 'stream-tally';
  readonly collections = ['stream_tally'];
  seen = 0;
  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    const tallies = store.collection('stream_tally');
    for (const event of events) {
      this.seen += 1;
      const current = await tallies.findOne({ _id: event.stream });
      if (current && (current.lastPosition as string) >= event.position) continue;
      await tallies.updateOne(
        { _id: event.stream },
        { $inc: { count: 1 }, $set: { lastPosition: event.position, lastType: event.type } },
        { upsert: true },
      );
    }
  }
}

const meta = TEST_METADATA;
const newEvent = (type: string) => ({ id: randomUUID(), type, data: {}, metadata: meta });

describe('ProjectionRunner', () => {
  let dir: string;
  let events: SqliteEventStore;
  let documents: SqliteDocumentStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    documents = new SqliteDocumentStore(':memory:');
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tally = async (stream: string) => (await documents.collection('stream_tally').findOne({ _id: stream }))?.count;

  it('catches up at start, then follows live appends, storing its checkpoint', async () => {
    await events.append('a-1', [newEvent('A'), newEvent('B')], 'no_stream');
    const runner = new ProjectionRunner(events, documents, [new StreamTally()]);
    await runner.start({ catchUp: true });
    expect(await tally('a-1')).toBe(2);
    const appended = await events.append('b-1', [newEvent('C')], 'no_stream');
    await runner.waitFor(appended.position, 5000);
    expect(await tally('b-1')).toBe(1);
    expect(await documents.collection(CHECKPOINTS).findOne({ _id: 'stream-tally' })).toEqual({
      _id: 'stream-tally',
      position: appended.position,
      version: 1,
    });
    expect(await runner.status()).toMatchObject({
      position: appended.position,
      head: appended.position,
      caughtUp: true,
    });
    await runner.stop();
  });

  it('resumes from its checkpoint after a restart without feeding old events again', async () => {
    await events.append('a-1', [newEvent('A'), newEvent('B')], 'no_stream');
    const first = new StreamTally();
    const runner = new ProjectionRunner(events, documents, [first]);
    await runner.start({ catchUp: true });
    await runner.stop();
    await events.append('a-1', [newEvent('C')], 1);
    const second = new StreamTally();
    const restarted = new ProjectionRunner(events, documents, [second]);
    await restarted.start({ catchUp: true });
    expect(second.seen).toBe(1);
    expect(await tally('a-1')).toBe(3);
    await restarted.stop();
  });

  it('answers PROJECTION_NOT_CAUGHT_UP when a position is not reached in time', async () => {
    const runner = new ProjectionRunner(events, documents, [new StreamTally()]);
    await runner.start();
    await expect(runner.waitFor(positionOf(999n, 999n) as Position, 100)).rejects.toMatchObject({
      code: 'PROJECTION_NOT_CAUGHT_UP',
    });
    await runner.stop();
  });

  it('rebuilds: drops the read models and replays the whole log', async () => {
    await events.append('a-1', [newEvent('A'), newEvent('B')], 'no_stream');
    const runner = new ProjectionRunner(events, documents, [new StreamTally()]);
    await documents.collection('stream_tally').insertOne({ _id: 'stale', count: 42 });
    expect(await runner.rebuild()).toBe(2);
    expect(await documents.collection('stream_tally').find({})).toEqual([
      expect.objectContaining({ _id: 'a-1', count: 2, lastType: 'B' }),
    ]);
  });

  it('the fixture projection is idempotent (the helper every projection spec uses)', async () => {
    await events.append('a-1', [newEvent('A'), newEvent('B')], 'no_stream');
    const recorded = await events.readAll();
    const store = await expectIdempotent(new StreamTally(), recorded);
    expect(await store.collection('stream_tally').findOne({ _id: 'a-1' })).toMatchObject({ count: 2 });
  });

  describe('exactly once, on the persisted store', () => {
    let file: SqliteDocumentStore;
    beforeEach(() => {
      file = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    });
    afterEach(() => file.close());

    it('writes a batch and its checkpoint together: a projection failing mid-batch leaves neither', async () => {
      await events.append('a-1', [newEvent('A'), newEvent('B')], 'no_stream');
      const failing: Projection = {
        name: 'failing',
        collections: ['failing'],
        project: async (batch, store) => {
          await store.collection('failing').insertOne({ _id: batch[0]!.id });
          throw new Error('disk on fire');
        },
      };
      const tally = new StreamTally();
      const runner = new ProjectionRunner(events, file, [tally, failing]);
      await expect(runner.rebuild()).rejects.toThrow('disk on fire');
      expect(await file.collection('failing').countDocuments()).toBe(0);
      expect(await file.collection('stream_tally').countDocuments()).toBe(0);
      expect(await file.collection(CHECKPOINTS).countDocuments()).toBe(0);
    });

    it('never sets a checkpoint that is ahead back to the batch position', async () => {
      await events.append('a-1', [newEvent('A'), newEvent('B'), newEvent('C')], 'no_stream');
      const all = await events.readAll();
      const first = new ProjectionRunner(events, file, [new StreamTally()]);
      await first.rebuild();
      // A second projection joins later: the runner starts from the beginning for it alone, one
      // event per batch, and the first projection (already at C) must not be fed B and C again.
      const late: Projection = { name: 'late', collections: ['late'], project: async () => undefined };
      const again = new StreamTally();
      const oneByOne = new SqliteEventStore(join(dir, 'events.sqlite'), 1);
      const both = new ProjectionRunner(oneByOne, file, [again, late]);
      await both.start({ catchUp: true });
      await both.stop();
      await oneByOne.close();
      expect(again.seen).toBe(0);
      expect(await file.collection(CHECKPOINTS).find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'late', position: all[2]!.position, version: 1 },
        { _id: 'stream-tally', position: all[2]!.position, version: 1 },
      ]);
      expect(await tallyIn(file, 'a-1')).toBe(3);
    });

    it('rebuilds only the projection whose version changed; the others keep their read models and checkpoints', async () => {
      await events.append('a-1', [newEvent('A'), newEvent('B')], 'no_stream');
      const kept = new StreamTally();
      const versioned = Object.assign(new StreamTally(), { name: 'versioned', collections: ['versioned'] as string[] });
      versioned.project = projectInto('versioned');
      await new ProjectionRunner(events, file, [kept, versioned]).rebuild();
      await file.collection('versioned').insertOne({ _id: 'left-by-version-1' });

      const keptAgain = new StreamTally();
      const bumped = Object.assign(new StreamTally(), {
        name: 'versioned',
        collections: ['versioned'] as string[],
        version: 2,
      });
      bumped.project = projectInto('versioned');
      const resets: string[] = [];
      const runner = new ProjectionRunner(events, file, [keptAgain, bumped], {
        onReset: (name, from, to) => resets.push(`${name} ${from}->${to}`),
      });
      await runner.start({ catchUp: true });
      await runner.stop();
      expect(resets).toEqual(['versioned 1->2']);
      expect(keptAgain.seen).toBe(0);
      expect(await file.collection('versioned').find({})).toEqual([expect.objectContaining({ _id: 'a-1', count: 2 })]);
      expect(await file.collection(CHECKPOINTS).findOne({ _id: 'versioned' })).toMatchObject({ version: 2 });
    });
  });
});

describe('ProjectionRunner failures', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteDocumentStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-failures-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    store = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries a failing batch with backoff and then catches up, reporting each retry', async () => {
    await events.append('a-1', [newEvent('A'), newEvent('B')], 'no_stream');
    let failuresLeft = 2;
    const flaky: Projection = {
      name: 'flaky',
      collections: ['flaky'],
      project: async (batch, tx) => {
        if (failuresLeft-- > 0) throw new Error('transient');
        await tx.collection('flaky').insertOne({ _id: 'seen', n: batch.length });
      },
    };
    const retries: number[] = [];
    const runner = new ProjectionRunner(events, store, [flaky], {
      backoffMs: 5,
      onError: (_e, retry) => retry && retries.push(retry.attempt),
    });
    await runner.start();
    await runner.waitFor((await events.headPosition())!, 5000).catch(() => undefined);
    for (let i = 0; i < 100 && !(await store.collection('flaky').findOne({ _id: 'seen' })); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await store.collection('flaky').findOne({ _id: 'seen' })).toEqual({ _id: 'seen', n: 2 });
    expect(retries).toEqual([1, 2]);
    expect(await runner.status()).toMatchObject({ caughtUp: true, running: true });
    expect((await runner.status()).error).toBeUndefined();
    await runner.stop();
  });

  it('gives up after maxRetries: onFatal, not running, and the status names the error', async () => {
    await events.append('a-1', [newEvent('A')], 'no_stream');
    const broken: Projection = {
      name: 'broken',
      collections: ['broken'],
      project: async () => Promise.reject(new Error('always')),
    };
    let fatal: unknown;
    const runner = new ProjectionRunner(events, store, [broken], {
      backoffMs: 1,
      maxRetries: 2,
      onFatal: (error) => (fatal = error),
    });
    await runner.start();
    for (let i = 0; i < 200 && !fatal; i++) await new Promise((r) => setTimeout(r, 10));
    expect(String(fatal)).toContain('always');
    expect(await runner.status()).toMatchObject({
      running: false,
      caughtUp: false,
      error: expect.stringContaining('always'),
    });
  });
});

const tallyIn = async (store: DocumentStore, stream: string) =>
  (await store.collection('stream_tally').findOne({ _id: stream }))?.count;

/** The tally's logic, writing into another collection. */
function projectInto(collection: string): StreamTally['project'] {
  return async (events, store) => {
    for (const event of events) {
      const current = await store.collection(collection).findOne({ _id: event.stream });
      if (current && (current.lastPosition as string) >= event.position) continue;
      await store
        .collection(collection)
        .updateOne(
          { _id: event.stream },
          { $inc: { count: 1 }, $set: { lastPosition: event.position } },
          { upsert: true },
        );
    }
  };
}

describe('ProjectionRunner bulk loads', () => {
  let dir: string;
  let events: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-bulk-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The tally, with a query-only index on its type. */
  class IndexedTally extends StreamTally {
    constructor(readonly version = 1) {
      super();
    }
    async setup(store: DocumentStore): Promise<void> {
      await store.collection('stream_tally').createIndex({ lastType: 1 });
    }
  }
  const indexes = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'stream_tally' AND sql IS NOT NULL`,
        )
        .all() as { name: string }[];
      return rows.map((r) => r.name);
    } finally {
      db.close();
    }
  };

  it('builds the deferred indexes once a rebuild, a first start or a version reset has caught up', async () => {
    for (let i = 0; i < 30; i++) await events.append(`s-${i}`, [newEvent('A'), newEvent('B')], 'no_stream');
    const file = join(dir, 'read-models.sqlite.rebuilding');
    let store = new SqliteDocumentStore(file, { rebuilding: true });
    expect(await new ProjectionRunner(events, store, [new IndexedTally()]).rebuild(7)).toBe(60);
    expect(indexes(file)).toEqual(['stream_tally.lastType_1']);
    expect(await tallyIn(store, 's-29')).toBe(2);
    await store.close();

    const live = join(dir, 'read-models.sqlite');
    store = new SqliteDocumentStore(live);
    const first = new ProjectionRunner(events, store, [new IndexedTally()]);
    await first.start({ catchUp: true });
    expect(indexes(live)).toEqual(['stream_tally.lastType_1']);
    expect(await first.status()).toMatchObject({ caughtUp: true });
    expect((await store.collection('stream_tally').find({ lastType: 'B' })).length).toBe(30);
    await first.stop();

    const bumped = new ProjectionRunner(events, store, [new IndexedTally(2)]);
    await bumped.start({ catchUp: true });
    expect(indexes(live)).toEqual(['stream_tally.lastType_1']);
    expect(await tallyIn(store, 's-0')).toBe(2);
    await bumped.stop();
    await store.close();
  });
});
