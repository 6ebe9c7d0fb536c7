import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describe('EventStore contract: SQLite', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  eventStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-contract-'));
    dirs.push(dir);
    return new SqliteEventStore(join(dir, 'events.sqlite'));
  });

  it('keeps its data in a durable WAL file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-pragmas-'));
    dirs.push(dir);
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const pragmas = store.pragmas();
    expect(pragmas).toEqual({ journal_mode: 'wal', synchronous: 2 });
    return store.close();
  });
});
