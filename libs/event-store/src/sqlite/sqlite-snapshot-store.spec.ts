import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { snapshotStoreContract } from '../testing/snapshot-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describe('SnapshotStore contract: SQLite (the event store file)', () => {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  snapshotStoreContract(async () => {
    const store = new SqliteEventStore(join(newDir(), 'events.sqlite'));
    return { snapshots: store.snapshots, close: () => store.close() };
  });

  it('keeps snapshots across a reopen of the file', async () => {
    const file = join(newDir(), 'events.sqlite');
    const first = new SqliteEventStore(file);
    const saved = {
      stream: 'site-1',
      revision: 7,
      version: 3,
      lastHash: 'h7',
      lastOccurredAt: '2026-01-01T00:00:07.000Z',
      state: { n: 7 },
    };
    await first.snapshots.save(saved);
    await first.close();
    const second = new SqliteEventStore(file);
    expect(await second.snapshots.load('site-1')).toEqual(saved);
    await second.close();
  });

  it('migrates an events file written before snapshots existed: its events stay, snapshots work', async () => {
    const file = join(newDir(), 'events.sqlite');
    // The schema as it was before the snapshots table.
    const old = new Database(file);
    old.exec(`CREATE TABLE events (
      position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL, revision INTEGER NOT NULL,
      type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, occurred_at TEXT NOT NULL, UNIQUE (stream, revision))`);
    old
      .prepare(
        `INSERT INTO events (event_id, stream, revision, type, data, metadata, occurred_at) VALUES (?, 'site-1', 0, 'Noted', '{"n":1}', ?, ?)`,
      )
      .run(
        randomUUID(),
        JSON.stringify({ occurredAt: '2026-01-01T00:00:00.000Z', hash: 'h0' }),
        '2026-01-01T00:00:00.000Z',
      );
    old.close();

    const store = new SqliteEventStore(file);
    expect((await store.readStream('site-1')).map((e) => e.data)).toEqual([{ n: 1 }]);
    expect(await store.snapshots.load('site-1')).toBeUndefined();
    await store.snapshots.save({ stream: 'site-1', revision: 0, version: 1, lastHash: 'h0', state: { n: 1 } });
    expect((await store.snapshots.load('site-1'))?.state).toEqual({ n: 1 });
    await store.close();
  });
});
