import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type NewEvent, WrongExpectedRevisionError } from '#core';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { TEST_METADATA } from '#core/testing/test-metadata';

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

  describe('group commit', () => {
    const event = (type: string): NewEvent => ({
      id: randomUUID(),
      type,
      data: {},
      metadata: { ...TEST_METADATA, confirmationNumber: 'AAAA-BBBB-CCCC' },
    });
    const open = (maxGroup?: number, waitMs?: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'es-group-'));
      dirs.push(dir);
      const file = join(dir, 'events.sqlite');
      return { file, store: new SqliteEventStore(file, undefined, { maxGroup, waitMs }) };
    };

    it('commits appends that arrive together in one transaction, a conflicting one failing alone inside it', async () => {
      const { file, store } = open();
      await store.append('s-x', [event('Opened')], 'no_stream');
      const before = store.groupCommitStats();
      const settled = await Promise.allSettled([
        ...Array.from({ length: 20 }, (_, i) => store.append(`s-${i}`, [event('A'), event('B')], 'no_stream')),
        store.append('s-x', [event('Stale'), event('Stale')], 3),
      ]);
      const after = store.groupCommitStats();
      expect(after.transactions - before.transactions).toBe(1);
      expect(after.appends - before.appends).toBe(21);
      expect(settled.slice(0, 20).every((s) => s.status === 'fulfilled')).toBe(true);
      const conflict = settled[20];
      expect(conflict?.status === 'rejected' && conflict.reason).toBeInstanceOf(WrongExpectedRevisionError);
      await store.close();
      // What was answered is in the file; the conflicting append left nothing.
      const reopened = new SqliteEventStore(file);
      const all = await reopened.readAll({ limit: 1000 });
      expect(all).toHaveLength(1 + 20 * 2);
      expect(all.filter((e) => e.type === 'Stale')).toEqual([]);
      expect((await reopened.readStream('s-7')).map((e) => [e.type, e.revision])).toEqual([
        ['A', 0],
        ['B', 1],
      ]);
      await reopened.close();
    });

    it('bounds a group to maxGroup appends per transaction', async () => {
      const { store } = open(4);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.append(`b-${i}`, [event('A')], 'no_stream')),
      );
      expect(results.map((r) => r.nextRevision)).toEqual(Array(10).fill(0));
      expect(store.groupCommitStats()).toEqual({ transactions: 3, appends: 10, largest: 4 });
      await store.close();
    });

    it('with a wait, holds the group open across event-loop turns until it is full', async () => {
      const { store } = open(3, 1000);
      const turn = () => new Promise((resolve) => setImmediate(resolve));
      const first = store.append('w-1', [event('A')], 'no_stream');
      await turn();
      const second = store.append('w-2', [event('A')], 'no_stream');
      await turn();
      await turn();
      expect(store.groupCommitStats().transactions).toBe(0);
      const third = store.append('w-3', [event('A')], 'no_stream');
      await Promise.all([first, second, third]);
      expect(store.groupCommitStats()).toEqual({ transactions: 1, appends: 3, largest: 3 });
      await store.close();
    });

    it('commits the appends still queued when it closes, and refuses appends after', async () => {
      const { file, store } = open();
      const pending = store.append('c-1', [event('Late')], 'no_stream');
      await store.close();
      expect((await pending).nextRevision).toBe(0);
      await expect(store.append('c-1', [event('Later')], 0)).rejects.toThrow(/closed/);
      const reopened = new SqliteEventStore(file);
      expect((await reopened.readStream('c-1')).map((e) => e.type)).toEqual(['Late']);
      await reopened.close();
    });
  });
});
