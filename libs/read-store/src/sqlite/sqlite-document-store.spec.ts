import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateKeyError } from '#core';
import { documentStoreContract } from '../testing/document-store.contract.js';
import { findFullScans } from './find-full-scans.js';
import Database from 'better-sqlite3';
import { STORE_LAYOUT, SqliteDocumentStore } from './sqlite-document-store.js';

describe('DocumentStore contract: SQLite in memory', () => {
  documentStoreContract(async () => new SqliteDocumentStore(':memory:'));
});

describe('DocumentStore contract: SQLite file', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sqlite-read-store-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  documentStoreContract(async () => new SqliteDocumentStore(join(dir, 'read-models.sqlite')));
});

describe('SqliteDocumentStore on a file', () => {
  let dir: string;
  let file: string;
  let store: SqliteDocumentStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-read-store-'));
    file = join(dir, 'read-models.sqlite');
    store = new SqliteDocumentStore(file);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds its documents, unique indexes and multikey entries again after reopening', async () => {
    const audit = store.collection('audit');
    await audit.createIndex({ targetUserIds: 1 });
    await audit.createIndex({ confirmation: 1 }, { unique: true });
    await audit.insertOne({ _id: 'e1', confirmation: 'C1', targetUserIds: ['u1', 'u2'] });
    await audit.insertOne({ _id: 7, confirmation: 'C2', targetUserIds: 'u2' });
    await store.close();

    store = new SqliteDocumentStore(file);
    const reopened = store.collection('audit');
    expect(await store.listCollectionNames()).toEqual(['audit']);
    expect(await reopened.findOne({ _id: 7 })).toEqual({ _id: 7, confirmation: 'C2', targetUserIds: 'u2' });
    expect(await reopened.findOne({ _id: '7' })).toBeNull();
    await expect(reopened.insertOne({ _id: 'e3', confirmation: 'C1' })).rejects.toBeInstanceOf(DuplicateKeyError);
    await reopened.insertOne({ _id: 'e4', confirmation: 'C4', targetUserIds: ['u2', 'u3'] });
    expect((await reopened.find({ targetUserIds: 'u2' }, { sort: { confirmation: 1 } })).map((d) => d._id)).toEqual([
      'e1',
      7,
      'e4',
    ]);
    expect(findFullScans(store)).toEqual([]);
    expect(store.layoutReset).toBe(false);
  });

  it('empties a file written by another layout (the read models are then rebuilt from the event log)', async () => {
    await store.close();
    rmSync(file, { force: true });
    // The unversioned layout: an expression index on json_extract, no column per indexed path.
    const old = new Database(file);
    old.exec(
      `CREATE TABLE audit (id PRIMARY KEY NOT NULL, doc TEXT NOT NULL); CREATE INDEX "audit.actorId_1" ON audit (json_extract(doc, '$.actorId'));`,
    );
    old.exec(`CREATE TABLE _checkpoints (id PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
    old.prepare('INSERT INTO audit (id, doc) VALUES (?, ?)').run('e1', JSON.stringify({ _id: 'e1', actorId: 'ana' }));
    old
      .prepare('INSERT INTO _checkpoints (id, doc) VALUES (?, ?)')
      .run('audit', JSON.stringify({ _id: 'audit', position: '5' }));
    old.close();

    store = new SqliteDocumentStore(file);
    expect(store.layoutReset).toBe(true);
    expect(await store.listCollectionNames()).toEqual([]);
    const audit = store.collection('audit');
    await audit.createIndex({ actorId: 1 });
    await audit.insertOne({ _id: 'e2', actorId: 'ana' });
    expect(await audit.find({ actorId: 'ana' })).toEqual([{ _id: 'e2', actorId: 'ana' }]);
    expect(findFullScans(store)).toEqual([]);
    await store.close();

    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(STORE_LAYOUT);
    reopened.close();
    store = new SqliteDocumentStore(file);
    expect(store.layoutReset).toBe(false);
    expect(await store.collection('audit').find({ actorId: 'ana' })).toEqual([{ _id: 'e2', actorId: 'ana' }]);
  });

  it('keeps each indexed path in a column equal to json_extract over the stored document', async () => {
    const things = store.collection('things');
    await things.createIndex({ a: 1 });
    await things.createIndex({ 'b.c': 1, d: -1 });
    const documents = [
      { _id: 1, a: 'x', b: { c: 2.5 }, d: true },
      { _id: 2, a: null, b: { c: [1, { e: 'f' }] }, d: false },
      { _id: 3, a: { nested: [1, 'two', null] }, b: [{ c: 1 }], d: 1e21 },
      { _id: 4, b: 'not an object', d: new Date('2026-01-02T03:04:05.000Z') },
      { _id: 5, a: Number.NaN, b: { c: undefined }, d: -0 },
      { _id: 6, a: '{"looks":"like json"}', b: { c: '' }, d: 'line\nbreak "quoted" ü' },
    ];
    for (const document of documents) await things.insertOne(document);
    await things.updateOne({ _id: 6 }, { $set: { a: 7 } });
    await things.replaceOne({ _id: 5 }, { a: false, b: { c: { deep: 1 } } }, { upsert: true });
    await store.close();

    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare(
        `SELECT id, json_extract(doc, '$.a') AS a, "$a", json_extract(doc, '$.b.c') AS c, "$b.c", json_extract(doc, '$.d') AS d, "$d" FROM things ORDER BY id`,
      )
      .all() as Record<string, unknown>[];
    db.close();
    expect(rows).toHaveLength(documents.length);
    for (const row of rows) {
      expect([row.id, row.$a, row['$b.c'], row.$d]).toEqual([row.id, row.a, row.c, row.d]);
    }
    store = new SqliteDocumentStore(file);
  });

  it('reads a collection with no table yet as empty, and sees it once any connection creates it', async () => {
    const people = store.collection('people');
    expect(await people.findOne({ _id: 'ann' })).toBeNull();
    expect(await people.find({ team: 'x' })).toEqual([]);
    expect(await people.countDocuments({})).toBe(0);
    // Another connection (another store on the same file) creates the table: the remembered absence no longer holds.
    const other = new SqliteDocumentStore(file);
    await other.collection('people').insertOne({ _id: 'ann', team: 'x' });
    await other.close();
    expect(await people.findOne({ _id: 'ann' })).toEqual({ _id: 'ann', team: 'x' });
    expect(await people.find({ team: 'x' })).toEqual([{ _id: 'ann', team: 'x' }]);
    // Dropped again, then written through this store.
    await people.drop();
    expect(await people.findOne({ _id: 'ann' })).toBeNull();
    await people.insertOne({ _id: 'bo', team: 'y' });
    expect(await people.countDocuments({})).toBe(1);
  });

  it('serves reads outside a transaction from the last commit, never from a half-written batch', async () => {
    const people = store.collection('people');
    await people.insertOne({ _id: 'ana', age: 41 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const written = new Promise<void>((resolve) => {
      void store.transaction(async (tx) => {
        await tx.collection('people').updateOne({ _id: 'ana' }, { $set: { age: 42 } });
        await tx.collection('people').insertOne({ _id: 'bo' });
        resolve();
        await gate;
      });
    });
    await written;
    expect(await people.findOne({ _id: 'ana' })).toEqual({ _id: 'ana', age: 41 });
    expect(await people.countDocuments()).toBe(1);
    release();
    await store.transaction(async () => undefined);
    expect(await people.findOne({ _id: 'ana' })).toEqual({ _id: 'ana', age: 42 });
    expect(await people.countDocuments()).toBe(2);
  });

  it('makes a write from outside wait for the open transaction instead of joining it', async () => {
    const people = store.collection('people');
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transaction = store
      .transaction(async (tx) => {
        await tx.collection('people').insertOne({ _id: 'inside' });
        await gate;
        throw new Error('rolled back');
      })
      .catch(() => events.push('rolled back'));
    await Promise.resolve();
    const outside = people.insertOne({ _id: 'outside' }).then(() => events.push('outside written'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]);
    release();
    await Promise.all([transaction, outside]);
    expect(events).toEqual(['rolled back', 'outside written']);
    expect(await people.find({})).toEqual([{ _id: 'outside' }]);
  });
});

describe('SqliteDocumentStore multikey indexes after reopening', () => {
  it('starts keeping elements of an indexed path that first holds an array after a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-read-store-'));
    const file = join(dir, 'read-models.sqlite');
    let store = new SqliteDocumentStore(file);
    await store.collection('audit').createIndex({ 'target.users': 1 });
    await store.collection('audit').insertOne({ _id: 'e1', target: { users: 'u1' } });
    await store.close();
    store = new SqliteDocumentStore(file);
    const audit = store.collection('audit');
    await audit.insertOne({ _id: 'e2', target: { users: ['u1', 'u2'] } });
    expect((await audit.find({ 'target.users': 'u1' })).map((d) => d._id).sort()).toEqual(['e1', 'e2']);
    expect(store.queryPlans().some((p) => p.sql.includes('__docstore_multikey'))).toBe(true);
    expect(findFullScans(store)).toEqual([]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SqliteDocumentStore bulk load (a read model built from zero)', () => {
  let dir: string;
  let file: string;
  let store: SqliteDocumentStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-bulk-'));
    file = join(dir, 'read-models.sqlite');
    store = new SqliteDocumentStore(file);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const indexNames = () => {
    const db = new Database(file, { readonly: true });
    try {
      return (
        db
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit' AND sql IS NOT NULL ORDER BY name`,
          )
          .all() as { name: string }[]
      ).map((r) => r.name);
    } finally {
      db.close();
    }
  };
  const elementRows = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db
        .prepare(`SELECT value, id FROM __docstore_multikey WHERE collection = 'audit' ORDER BY value, id`)
        .all();
    } finally {
      db.close();
    }
  };

  it('defers non-unique indexes and multikey entries until the load ends, answering exactly meanwhile, across a reopen', async () => {
    await store.beginBulkLoad(['audit']);
    const audit = store.collection('audit');
    await audit.createIndex({ actorId: 1 });
    await audit.createIndex({ siteId: 1 }, { immediate: true });
    await audit.createIndex({ confirmation: 1 }, { unique: true });
    await audit.createIndex({ targetUserIds: 1 });
    await audit.insertOne({ _id: 'e1', confirmation: 'C1', actorId: 'pat', siteId: 's1', targetUserIds: ['u1', 'u2'] });
    await audit.insertOne({ _id: 'e2', confirmation: 'C2', actorId: 'sam', siteId: 's1', targetUserIds: ['u2'] });
    // Unique and immediate indexes exist at once; the others (and the side table) wait.
    expect(indexNames()).toEqual(['audit.confirmation_1', 'audit.siteId_1']);
    expect(elementRows()).toEqual([]);
    await expect(audit.insertOne({ _id: 'e3', confirmation: 'C1' })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect((await audit.find({ targetUserIds: 'u2' }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['e1', 'e2']);
    expect((await audit.find({ actorId: 'sam' })).map((d) => d._id)).toEqual(['e2']);

    // Still loading in bulk after a restart.
    await store.close();
    store = new SqliteDocumentStore(file);
    const reopened = store.collection('audit');
    await reopened.insertOne({
      _id: 'e4',
      confirmation: 'C4',
      actorId: 'pat',
      siteId: 's2',
      targetUserIds: ['u3', 'u1'],
    });
    expect(indexNames()).toEqual(['audit.confirmation_1', 'audit.siteId_1']);
    expect((await reopened.find({ targetUserIds: 'u1' }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual([
      'e1',
      'e4',
    ]);

    await store.endBulkLoad(['audit', 'other']);
    // An index led by an array path is served by the side table instead.
    expect(indexNames()).toEqual(['audit.actorId_1', 'audit.confirmation_1', 'audit.siteId_1']);
    expect(elementRows()).toEqual([
      { value: 'u1', id: 'e1' },
      { value: 'u1', id: 'e4' },
      { value: 'u2', id: 'e1' },
      { value: 'u2', id: 'e2' },
      { value: 'u3', id: 'e4' },
    ]);
    expect(
      (await reopened.find({ targetUserIds: { $in: ['u1', 'u3'] } }, { sort: { _id: 1 } })).map((d) => d._id),
    ).toEqual(['e1', 'e4']);
    expect((await reopened.find({ actorId: 'pat' }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['e1', 'e4']);
    // Plans recorded while the indexes were missing are forgotten: the same queries are planned again on the indexes.
    expect(findFullScans(store)).toEqual([]);
    // Live writes after the load keep the side table in step.
    await reopened.replaceOne(
      { _id: 'e2' },
      { confirmation: 'C2', actorId: 'sam', siteId: 's1', targetUserIds: ['u3'] },
    );
    expect((await reopened.find({ targetUserIds: 'u3' }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual([
      'e2',
      'e4',
    ]);
    expect((await reopened.find({ targetUserIds: 'u2' })).map((d) => d._id)).toEqual(['e1']);
  });

  it('keeps a multikey path whose values were not all arrays exact when filled at the end', async () => {
    await store.beginBulkLoad(['audit']);
    const audit = store.collection('audit');
    await audit.createIndex({ tags: 1 });
    await audit.insertOne({ _id: 1, tags: ['a', 7, true, ['nested']] });
    await audit.insertOne({ _id: 2, tags: 'a' });
    await audit.insertOne({ _id: 3, tags: { a: 1 } });
    await audit.insertOne({ _id: 4 });
    await store.endBulkLoad(['audit']);
    expect((await audit.find({ tags: 'a' }, { sort: { _id: 1 } })).map((d) => d._id)).toEqual([1, 2]);
    expect((await audit.find({ tags: 7 })).map((d) => d._id)).toEqual([1]);
    expect(elementRows()).toEqual([
      { value: 7, id: 1 },
      { value: 'a', id: 1 },
      { value: 'a', id: 2 },
    ]);
  });
});
