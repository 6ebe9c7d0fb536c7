import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type Position, type RecordedEvent, positionOf } from '../../../core/src/index.js';
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store.js';
import type { DocumentStore } from '../document-store.port.js';
import { EmbeddedDocumentStore } from '../embedded/embedded-document-store.js';
import { expectIdempotent } from '../testing/projection-testing.js';
import { CHECKPOINTS } from './checkpoint-store.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

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

const meta = { actorId: 'a', occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', command: 'T', confirmationNumber: 'X', hash: 'h' };
const newEvent = (type: string) => ({ id: randomUUID(), type, data: {}, metadata: meta });

describe('ProjectionRunner', () => {
  let dir: string;
  let events: SqliteEventStore;
  let documents: EmbeddedDocumentStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    documents = new EmbeddedDocumentStore();
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
    });
    expect(await runner.status()).toMatchObject({ position: appended.position, head: appended.position, caughtUp: true });
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
});
