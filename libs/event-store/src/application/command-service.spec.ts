import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Clock,
  type Decider,
  DomainErrorWithHeaders,
  type IdGenerator,
  eventRegistry,
  forbidden,
  streamCategory,
} from '#core';
import { CommandPipeline } from '../pipeline/command-pipeline.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { CommandAdmission } from './command-admission.js';
import { CommandService } from './command-service.js';

// A tiny fixture context: shelves that hold named books; opening one creates it under a fresh id.
type Actor = { userId: string; admin: boolean };
type ShelfCommand = { actor: Actor; at: string } & (
  { type: 'OpenShelf'; shelfId: string; label: string } | { type: 'Shelve'; bookId: string; title: string }
);
type ShelfEvent =
  | { type: 'ShelfOpened'; data: { shelfId: string; label: string; openedBy: string; at: string } }
  | { type: 'BookShelved'; data: { bookId: string; title: string } };
type ShelfState = { open: boolean; books: string[] };
const shelfEvents = eventRegistry<ShelfEvent>({ ShelfOpened: {}, BookShelved: {} });
const shelves: Decider<ShelfCommand, ShelfEvent, ShelfState> = {
  initialState: () => ({ open: false, books: [] }),
  evolve: (state, event) =>
    event.type === 'ShelfOpened' ? { ...state, open: true } : { ...state, books: [...state.books, event.data.bookId] },
  decide: (command, state) => {
    if (command.type === 'OpenShelf') {
      if (!command.actor.admin) throw forbidden('Only admins open shelves.');
      return [
        {
          type: 'ShelfOpened',
          data: { shelfId: command.shelfId, label: command.label, openedBy: command.actor.userId, at: command.at },
        },
      ];
    }
    return state.books.includes(command.bookId)
      ? []
      : [{ type: 'BookShelved', data: { bookId: command.bookId, title: command.title } }];
  },
  read: shelfEvents.read,
};
const shelfStream = streamCategory('shelf');
type Issuer = { userId: string; roles: string[] };

describe('CommandService (the one command path, on the real SQLite store)', () => {
  const NOW = '2026-05-04T10:00:00.000Z';
  const clock: Clock = { now: () => new Date(NOW) };
  let dir: string;
  let store: SqliteEventStore;
  let service: CommandService<ShelfCommand, ShelfEvent, ShelfState, Issuer>;
  let issued: number;
  const ids: IdGenerator = { uuid: () => `id-${++issued}` };
  const ana: Issuer = { userId: 'ana@example.com', roles: ['admin'] };
  const bo: Issuer = { userId: 'bo@example.com', roles: [] };

  beforeEach(() => {
    issued = 0;
    dir = mkdtempSync(join(tmpdir(), 'command-service-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const actorOf = (issuer: Issuer): Actor => ({ userId: issuer.userId, admin: issuer.roles.includes('admin') });
    service = new CommandService(
      { decider: shelves, streamOf: shelfStream.of, actorOf },
      new CommandPipeline(store),
      clock,
      ids,
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stamps the actor (through the context mapping) and the time on the command, and writes to the named stream', async () => {
    const shelfId = service.newId();
    await service.run(shelfId, ana, { type: 'OpenShelf', shelfId, label: 'Poetry' });
    const [event] = await store.readStream('shelf-id-1');
    expect(event!.type).toBe('ShelfOpened');
    expect(event!.data).toEqual({ shelfId: 'id-1', label: 'Poetry', openedBy: 'ana@example.com', at: NOW });
    expect(event!.metadata).toMatchObject({ actorId: 'ana@example.com', command: 'OpenShelf', occurredAt: NOW });
  });

  it('answers the confirmation of what it recorded, and {changed: false} when nothing would change', async () => {
    await service.run('s1', ana, { type: 'OpenShelf', shelfId: 's1', label: 'Poetry' });
    const first = await service.run('s1', bo, { type: 'Shelve', bookId: 'b1', title: 'Odes' });
    const [, shelved] = await store.readStream('shelf-s1');
    expect(first).toEqual({ confirmationNumber: shelved!.metadata.confirmationNumber, position: shelved!.position });
    expect(await service.run('s1', bo, { type: 'Shelve', bookId: 'b1', title: 'Odes' })).toEqual({ changed: false });
    expect(await store.readStream('shelf-s1')).toHaveLength(2);
  });

  it('hands back the decided events as domain events, so created ids are read from them', async () => {
    const done = await service.execute('s2', ana, { type: 'OpenShelf', shelfId: 's2', label: 'Prose' });
    expect(done.events).toEqual([
      { type: 'ShelfOpened', data: { shelfId: 's2', label: 'Prose', openedBy: 'ana@example.com', at: NOW } },
    ]);
    expect(done.the('ShelfOpened').data.shelfId).toBe('s2');
    expect(done.has('ShelfOpened')).toBe(true);
    expect(done.has('BookShelved')).toBe(false);
    expect(() => done.the('BookShelved')).toThrow('The command decided no BookShelved event.');
  });

  it('a command with nothing to do decides no events', async () => {
    await service.run('s3', ana, { type: 'OpenShelf', shelfId: 's3', label: 'Maps' });
    await service.run('s3', ana, { type: 'Shelve', bookId: 'b9', title: 'Atlas' });
    const again = await service.execute('s3', ana, { type: 'Shelve', bookId: 'b9', title: 'Atlas' });
    expect(again.response).toEqual({ changed: false });
    expect(again.events).toEqual([]);
  });

  it('a rejected command leaves the store exactly as it was', async () => {
    await expect(service.run('s4', bo, { type: 'OpenShelf', shelfId: 's4', label: 'Secret' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await store.readStream('shelf-s4')).toEqual([]);
    expect(await store.readAll()).toEqual([]);
  });

  it('refuses commands beyond its in-flight bound with 503 COMMAND_QUEUE_FULL and Retry-After, recording nothing for them', async () => {
    const admission = new CommandAdmission(2);
    const actorOf = (issuer: Issuer): Actor => ({ userId: issuer.userId, admin: issuer.roles.includes('admin') });
    const bounded = new CommandService(
      { decider: shelves, streamOf: shelfStream.of, actorOf },
      new CommandPipeline(store),
      clock,
      ids,
      admission,
    );
    await bounded.run('b', ana, { type: 'OpenShelf', shelfId: 'b', label: 'Busy' });
    const settled = await Promise.allSettled(
      ['b1', 'b2', 'b3', 'b4', 'b5'].map((bookId) => bounded.run('b', ana, { type: 'Shelve', bookId, title: bookId })),
    );
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'rejected']);
    for (const refused of settled.slice(2)) {
      const reason = refused.status === 'rejected' ? (refused.reason as unknown) : undefined;
      expect(reason).toBeInstanceOf(DomainErrorWithHeaders);
      expect(reason).toMatchObject({ code: 'COMMAND_QUEUE_FULL', status: 503, headers: { 'Retry-After': '1' } });
    }
    expect((await store.readStream('shelf-b')).map((e) => e.data.bookId ?? e.type)).toEqual([
      'ShelfOpened',
      'b1',
      'b2',
    ]);
    // The slots are free again once the admitted commands were answered, failed ones included.
    expect(admission.inFlight).toBe(0);
    await expect(bounded.run('x', bo, { type: 'OpenShelf', shelfId: 'x', label: 'No' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(admission.inFlight).toBe(0);
    await bounded.run('b', ana, { type: 'Shelve', bookId: 'b6', title: 'b6' });
    expect(await store.readStream('shelf-b')).toHaveLength(4);
  });
});
