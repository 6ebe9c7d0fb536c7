import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '#core';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import type { DocumentStore } from '../document-store.port.js';
import { SqliteDocumentStore } from '../sqlite/sqlite-document-store.js';
import type { Projection } from './projection.js';
import { hostname } from 'node:os';
import { LeaseLostError, ProjectionLease, leaseOwnerId } from './projection-lease.js';
import { ProjectionLeader } from './projection-leader.js';
import { ProjectionRunner } from './projection-runner.js';
import { TEST_METADATA } from '#core/testing/test-metadata';

const meta = TEST_METADATA;
const newEvent = () => ({ id: randomUUID(), type: 'Counted', data: {}, metadata: meta });

/** Counts events with $inc: NOT idempotent on purpose, so a batch applied twice would show. */
const counter = (): Projection => ({
  name: 'counter',
  collections: ['counts'],
  project: async (events: readonly RecordedEvent[], store: DocumentStore) => {
    await store.collection('counts').updateOne({ _id: 'all' }, { $inc: { n: events.length } }, { upsert: true });
  },
});

describe('ProjectionLease (two projectors, one SQLite read store)', () => {
  let dir: string;
  let events: SqliteEventStore;
  let a: SqliteDocumentStore;
  let b: SqliteDocumentStore;
  let now: Date;
  const clock = () => now;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lease-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    // Two connections to one file, as two processes would have. In one process a writer waiting
    // for the other's lock blocks the event loop, so keep lock waits short here.
    a = new SqliteDocumentStore(join(dir, 'read-models.sqlite'), { busyTimeoutMs: 20 });
    b = new SqliteDocumentStore(join(dir, 'read-models.sqlite'), { busyTimeoutMs: 20 });
    now = new Date('2026-01-01T00:00:00.000Z');
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is held by one projector at a time; an expired lease passes on with a higher fencing token', async () => {
    const first = new ProjectionLease(a, 'a', 1000, clock);
    const second = new ProjectionLease(b, 'b', 1000, clock);
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    now = new Date(now.getTime() + 500);
    expect(await first.acquire()).toBe(true); // renewed until 1,500 ms
    now = new Date(now.getTime() + 900);
    expect(await second.acquire()).toBe(false);
    now = new Date(now.getTime() + 200);
    expect(await second.acquire()).toBe(true);
    expect(await b.collection('_leases').findOne({ _id: 'projector' })).toMatchObject({ owner: 'b', token: 2 });
    // The paused projector wakes up: its next batch is fenced off inside the transaction.
    await expect(a.transaction((tx) => first.assertHeld(tx))).rejects.toBeInstanceOf(LeaseLostError);
    expect(first.held).toBe(false);
  });

  it('a projector that lost the lease commits nothing; the one that took over projects every event exactly once', async () => {
    await events.append('s-1', [newEvent(), newEvent(), newEvent()], 'no_stream');
    const leaseA = new ProjectionLease(a, 'a', 1000, clock);
    const runnerA = new ProjectionRunner(events, a, [counter()], { lease: leaseA, backoffMs: 1 });
    const leaderA = new ProjectionLeader(runnerA, leaseA, undefined, 60_000);
    await leaderA.start();
    await runnerA.waitFor((await events.headPosition())!, 5000);

    const leaseB = new ProjectionLease(b, 'b', 1000, clock);
    const runnerB = new ProjectionRunner(events, b, [counter()], { lease: leaseB, backoffMs: 1 });
    const leaderB = new ProjectionLeader(runnerB, leaseB, undefined, 60_000);
    await leaderB.start();
    expect([leaderA.leading, leaderB.leading]).toEqual([true, false]);

    // A stalls past its lease (no renewal); B takes over and catches up from A's checkpoint.
    now = new Date(now.getTime() + 5000);
    await leaderB['tick']();
    expect(leaderB.leading).toBe(true);
    const appended = await events.append('s-1', [newEvent(), newEvent()], 2);
    await runnerB.waitFor(appended.position, 5000);
    // A's runner also saw the new events, but its batch was fenced off and rolled back: it stops.
    for (let i = 0; i < 200 && runnerA.running; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runnerA.running).toBe(false);
    expect(await b.collection('counts').findOne({ _id: 'all' })).toEqual({ _id: 'all', n: 5 });
    await leaderA.stop();
    await leaderB.stop();
  });

  it('takes over at once from a holder on this machine whose process is gone (a crash, kill -9)', async () => {
    const leases = a.collection('_leases');
    const until = new Date(now.getTime() + 60_000).toISOString();
    // A live holder (here: the process that started this test run) is waited out as usual.
    await leases.insertOne({
      _id: 'projector',
      owner: `${hostname()}:${process.ppid}:alive`,
      token: 7,
      expiresAt: until,
    });
    expect(await new ProjectionLease(b, leaseOwnerId('z'), 1000, clock).acquire()).toBe(false);
    // A holder whose pid no longer exists (pids stay below 2^22 on Linux) is not.
    await leases.updateOne({ _id: 'projector' }, { $set: { owner: `${hostname()}:9999999:dead` } });
    const restarted = new ProjectionLease(b, leaseOwnerId('z'), 1000, clock);
    expect(await restarted.acquire()).toBe(true);
    expect(await b.collection('_leases').findOne({ _id: 'projector' })).toMatchObject({
      token: 8,
      owner: leaseOwnerId('z'),
    });
  });
});
