import { randomUUID } from 'node:crypto';
import { DuplicateKeyError } from '#core';
import type { DocumentCollection, DocumentStore } from '../document-store.port.js';

export interface ContractOptions {
  /** False for adapters whose `transaction` is a pass-through (a throw keeps what was written). */
  readonly atomicTransactions?: boolean;
}

/** One behaviour for every DocumentStore adapter: MongoDB's semantics, including upserts. */
export function documentStoreContract(open: () => Promise<DocumentStore>, options: ContractOptions = {}): void {
  const { atomicTransactions = true } = options;
  let store: DocumentStore;
  let people: DocumentCollection;

  beforeEach(async () => {
    store = await open();
    people = store.collection(`contract_${randomUUID().slice(0, 8)}`);
  });
  afterEach(async () => {
    await people.drop();
    await store.close();
  });

  const seed = () =>
    people.bulkWrite([
      { insertOne: { document: { _id: 'ana', name: 'Ana', age: 41, tags: ['admin'], site: { id: '1001' } } } },
      { insertOne: { document: { _id: 'bo', name: 'Bo', age: 29, tags: [], site: { id: '1001' } } } },
      { insertOne: { document: { _id: 'cy', name: 'Cy', age: 35, tags: ['user'], site: { id: '2002' } } } },
    ]);

  it('clones documents in and out', async () => {
    const input = { _id: 'ana', name: 'Ana', nested: { a: 1 } };
    await people.insertOne(input);
    input.nested.a = 99;
    const found = (await people.findOne({ _id: 'ana' }))!;
    expect(found).toEqual({ _id: 'ana', name: 'Ana', nested: { a: 1 } });
    (found.nested as { a: number }).a = 42;
    expect(await people.findOne({ _id: 'ana' })).toEqual({ _id: 'ana', name: 'Ana', nested: { a: 1 } });
  });

  it('rejects a duplicate _id with DuplicateKeyError and keeps the original', async () => {
    await people.insertOne({ _id: 'ana', name: 'Ana' });
    await expect(people.insertOne({ _id: 'ana', name: 'Other' })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await people.find({})).toEqual([{ _id: 'ana', name: 'Ana' }]);
  });

  it('refuses a filter field holding undefined instead of matching every document', async () => {
    await seed();
    await expect(people.findOne({ _id: undefined })).rejects.toThrow(/undefined/);
    await expect(people.deleteMany({ $and: [{ site: undefined }] })).rejects.toThrow(/undefined/);
    expect(await people.countDocuments()).toBe(3);
  });

  it('finds with filters, sort, skip, limit and projection, and counts', async () => {
    await seed();
    const names = (docs: Record<string, unknown>[]) => docs.map((d) => d.name);
    expect(names(await people.find({ age: { $gte: 30 } }, { sort: { age: 1 } }))).toEqual(['Cy', 'Ana']);
    expect(names(await people.find({ 'site.id': '1001' }, { sort: { name: -1 } }))).toEqual(['Bo', 'Ana']);
    expect(names(await people.find({}, { sort: { name: 1 }, skip: 1, limit: 1 }))).toEqual(['Bo']);
    expect(await people.find({ _id: 'cy' }, { projection: { name: 1 } })).toEqual([{ _id: 'cy', name: 'Cy' }]);
    expect(names(await people.find({ $or: [{ name: /^a/i }, { tags: 'user' }] }, { sort: { name: 1 } }))).toEqual([
      'Ana',
      'Cy',
    ]);
    expect(await people.countDocuments({ 'site.id': '1001' })).toBe(2);
    expect(await people.countDocuments()).toBe(3);
    expect((await people.findOne({ age: { $lt: 40 } }, { sort: { age: -1 } }))?.name).toBe('Cy');
    expect(await people.findOne({ _id: 'nobody' })).toBeNull();
  });

  it('applies $set, $unset, $inc, $push, $pull and $addToSet', async () => {
    await seed();
    const result = await people.updateOne(
      { _id: 'ana' },
      { $set: { 'site.role': 'primary' }, $unset: { age: '' }, $inc: { logins: 2 }, $push: { tags: 'auditor' } },
    );
    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    await people.updateOne({ _id: 'ana' }, { $pull: { tags: 'admin' } });
    await people.updateOne({ _id: 'ana' }, { $addToSet: { tags: 'auditor' } });
    expect(await people.findOne({ _id: 'ana' })).toEqual({
      _id: 'ana',
      name: 'Ana',
      tags: ['auditor'],
      site: { id: '1001', role: 'primary' },
      logins: 2,
    });
  });

  it('reports an update that changes nothing as matched but not modified', async () => {
    await seed();
    expect(await people.updateOne({ _id: 'bo' }, { $set: { name: 'Bo' } })).toMatchObject({
      matchedCount: 1,
      modifiedCount: 0,
    });
    expect(await people.updateOne({ _id: 'nobody' }, { $set: { name: 'X' } })).toMatchObject({
      matchedCount: 0,
      modifiedCount: 0,
      upsertedCount: 0,
    });
  });

  it('upserts like MongoDB: equality fields of the filter, $setOnInsert only on insert', async () => {
    const upsert = () =>
      people.updateOne(
        { _id: 'dee', 'site.id': '3003' },
        { $setOnInsert: { createdBy: 'op' }, $set: { name: 'Dee' }, $inc: { version: 1 } },
        { upsert: true },
      );
    const inserted = await upsert();
    expect(inserted).toMatchObject({ matchedCount: 0, upsertedCount: 1, upsertedId: 'dee' });
    const updated = await upsert();
    expect(updated).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
    expect(await people.findOne({ _id: 'dee' })).toEqual({
      _id: 'dee',
      site: { id: '3003' },
      createdBy: 'op',
      name: 'Dee',
      version: 2,
    });
  });

  it('updates and deletes many', async () => {
    await seed();
    expect(await people.updateMany({ 'site.id': '1001' }, { $set: { region: 'emea' } })).toMatchObject({
      matchedCount: 2,
      modifiedCount: 2,
    });
    expect(await people.countDocuments({ region: 'emea' })).toBe(2);
    expect(await people.deleteOne({ region: 'emea' })).toEqual({ deletedCount: 1 });
    expect(await people.deleteMany({})).toEqual({ deletedCount: 2 });
    expect(await people.countDocuments()).toBe(0);
  });

  it('runs bulk writes in order and sums their results', async () => {
    await seed();
    const result = await people.bulkWrite([
      { updateOne: { filter: { _id: 'ana' }, update: { $set: { age: 42 } } } },
      { updateOne: { filter: { _id: 'eve' }, update: { $set: { name: 'Eve' } }, upsert: true } },
      { replaceOne: { filter: { _id: 'bo' }, replacement: { name: 'Bob' } } },
      { deleteOne: { filter: { _id: 'cy' } } },
    ]);
    expect(result).toEqual({ insertedCount: 0, matchedCount: 2, modifiedCount: 2, deletedCount: 1, upsertedCount: 1 });
    expect(await people.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'ana', name: 'Ana', age: 42, tags: ['admin'], site: { id: '1001' } },
      { _id: 'bo', name: 'Bob' },
      { _id: 'eve', name: 'Eve' },
    ]);
  });

  it('enforces unique indexes on insert, update and upsert, leaving data unchanged', async () => {
    await seed();
    await people.createIndex({ name: 1 }, { unique: true });
    await expect(people.insertOne({ _id: 'ana2', name: 'Ana' })).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(people.updateOne({ _id: 'bo' }, { $set: { name: 'Ana' } })).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(people.updateOne({ _id: 'new' }, { $set: { name: 'Cy' } }, { upsert: true })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    expect((await people.find({}, { sort: { _id: 1 } })).map((d) => d.name)).toEqual(['Ana', 'Bo', 'Cy']);
    await people.updateOne({ _id: 'bo' }, { $set: { name: 'Bob' } });
    await people.insertOne({ _id: 'bo2', name: 'Bo' });
    expect(await people.countDocuments()).toBe(4);
  });

  it('refuses to create a unique index over existing duplicates', async () => {
    await seed();
    await expect(people.createIndex({ 'site.id': 1 }, { unique: true })).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('answers the same through an index as without one, as indexed values change', async () => {
    await seed();
    await people.createIndex({ 'site.id': 1, name: 1 });
    await people.createIndex({ age: 1 });
    await people.updateOne({ _id: 'cy' }, { $set: { 'site.id': '1001', age: 41 } });
    await people.insertOne({ _id: 'dee', name: 'Dee', site: { id: ['1001', '2002'] } });
    await people.deleteOne({ _id: 'bo' });
    const ids = (docs: Record<string, unknown>[]) => docs.map((d) => d._id).sort();
    expect(ids(await people.find({ 'site.id': '1001' }))).toEqual(['ana', 'cy', 'dee']);
    expect(ids(await people.find({ 'site.id': '2002' }))).toEqual(['dee']);
    expect(ids(await people.find({ age: 41, name: 'Cy' }))).toEqual(['cy']);
    expect(await people.countDocuments({ age: 29 })).toBe(0);
    expect(ids(await people.find({ 'site.id': { $in: ['2002'] } }))).toEqual(['dee']);
  });

  it('lists and drops collections', async () => {
    await people.insertOne({ _id: 'x' });
    expect(await store.listCollectionNames()).toContain(people.name);
    await people.drop();
    expect(await store.listCollectionNames()).not.toContain(people.name);
    expect(await people.countDocuments()).toBe(0);
  });

  const variety = () =>
    people.bulkWrite([
      {
        insertOne: {
          document: { _id: 'a', n: 1, s: 'x', tags: ['red', 'blue'], flag: true, nested: { k: 'v' }, rank: 2 },
        },
      },
      { insertOne: { document: { _id: 'b', n: 5, s: 'y', tags: 'red', flag: false, nullable: null } } },
      { insertOne: { document: { _id: 'c', n: '7', s: 'z', tags: [], nested: { k: 'w' }, rank: 1 } } },
      { insertOne: { document: { _id: 'd', n: true, tags: ['green'], nullable: 3 } } },
      { insertOne: { document: { _id: 'e', n: 10, s: 'x' } } },
    ]);
  const ids = (docs: Record<string, unknown>[]) => docs.map((d) => d._id).sort();

  describe.each([
    ['without indexes', async () => undefined],
    [
      'with indexes',
      async () => {
        for (const field of ['n', 's', 'tags', 'flag', 'nested.k', 'nullable', 'rank'])
          await people.createIndex({ [field]: 1 });
      },
    ],
  ])('filters with MongoDB semantics %s', (_label, index) => {
    beforeEach(async () => {
      await index();
      await variety();
    });

    it('keeps comparisons within one type: numbers, strings and booleans do not mix', async () => {
      expect(ids(await people.find({ n: { $gte: 1 } }))).toEqual(['a', 'b', 'e']);
      expect(ids(await people.find({ n: { $lt: 6 } }))).toEqual(['a', 'b']);
      expect(ids(await people.find({ n: { $gt: '5' } }))).toEqual(['c']);
      expect(ids(await people.find({ n: 1 }))).toEqual(['a']);
      expect(ids(await people.find({ n: true }))).toEqual(['d']);
      expect(ids(await people.find({ flag: false }))).toEqual(['b']);
      expect(ids(await people.find({ n: { $gt: 1, $lte: 10 } }))).toEqual(['b', 'e']);
    });

    it('matches null as null or missing, and $exists, $ne, $in, $nin', async () => {
      expect(ids(await people.find({ nullable: null }))).toEqual(['a', 'b', 'c', 'e']);
      expect(ids(await people.find({ nullable: { $ne: null } }))).toEqual(['d']);
      expect(ids(await people.find({ nullable: { $exists: true } }))).toEqual(['b', 'd']);
      expect(ids(await people.find({ nullable: { $exists: false } }))).toEqual(['a', 'c', 'e']);
      expect(ids(await people.find({ s: { $in: ['x', 'z'] } }))).toEqual(['a', 'c', 'e']);
      expect(ids(await people.find({ s: { $nin: ['x'] } }))).toEqual(['b', 'c', 'd']);
      expect(ids(await people.find({ s: { $ne: 'x' } }))).toEqual(['b', 'c', 'd']);
      expect(ids(await people.find({ s: { $in: [] } }))).toEqual([]);
      expect(ids(await people.find({ 'nested.k': 'v' }))).toEqual(['a']);
      expect(ids(await people.find({ 'nested.k': { $exists: false } }))).toEqual(['b', 'd', 'e']);
    });

    it('matches an array field by any element, or a scalar in its place', async () => {
      expect(ids(await people.find({ tags: 'red' }))).toEqual(['a', 'b']);
      expect(ids(await people.find({ tags: { $in: ['green', 'blue'] } }))).toEqual(['a', 'd']);
      expect(ids(await people.find({ tags: { $nin: ['red'] } }))).toEqual(['c', 'd', 'e']);
      expect(ids(await people.find({ tags: { $ne: 'red' } }))).toEqual(['c', 'd', 'e']);
      expect(ids(await people.find({ tags: { $size: 0 } }))).toEqual(['c']);
      expect(await people.countDocuments({ tags: 'red', s: 'x' })).toBe(1);
    });

    it('combines $or, $and and _id conditions', async () => {
      expect(ids(await people.find({ $or: [{ n: { $gt: 6 } }, { flag: false }] }))).toEqual(['b', 'e']);
      expect(ids(await people.find({ $and: [{ s: 'x' }, { $or: [{ tags: 'blue' }, { n: 10 }] }] }))).toEqual([
        'a',
        'e',
      ]);
      expect(ids(await people.find({ _id: { $in: ['a', 'zz', 'e'] } }))).toEqual(['a', 'e']);
      expect(ids(await people.find({ _id: { $gt: 'c' } }))).toEqual(['d', 'e']);
      expect(ids(await people.find({ _id: { $nin: ['a', 'b'] }, n: { $exists: true } }))).toEqual(['c', 'd', 'e']);
    });

    it('skips and limits after a filter only JS can evaluate, and counts it', async () => {
      expect(await people.countDocuments({ s: /^[xy]$/ })).toBe(3);
      const page = await people.find({ s: /^[xy]$/ }, { sort: { _id: 1 }, skip: 1, limit: 1 });
      expect(page.map((d) => d._id)).toEqual(['b']);
    });

    it('sorts missing fields first ascending and last descending, and types in MongoDB order', async () => {
      const order = async (sort: Record<string, 1 | -1>) => (await people.find({}, { sort })).map((d) => d._id);
      expect(await order({ rank: 1, _id: 1 })).toEqual(['b', 'd', 'e', 'c', 'a']);
      expect(await order({ rank: -1, _id: 1 })).toEqual(['a', 'c', 'b', 'd', 'e']);
      expect(await order({ n: 1 })).toEqual(['a', 'b', 'e', 'c', 'd']);
      const projected = await people.find({ s: 'x' }, { sort: { n: -1 }, projection: { s: 1 } });
      expect(projected).toEqual([
        { _id: 'e', s: 'x' },
        { _id: 'a', s: 'x' },
      ]);
    });
  });

  it('answers an empty bulk write with zeros', async () => {
    expect(await people.bulkWrite([])).toEqual({
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      deletedCount: 0,
      upsertedCount: 0,
    });
  });

  it('stops an ordered bulk write at a unique-index violation, keeping the operations before it', async () => {
    await people.createIndex({ email: 1 }, { unique: true });
    await people.insertOne({ _id: 'a', email: 'a@x' });
    await expect(
      people.bulkWrite([
        { insertOne: { document: { _id: 'b', email: 'b@x' } } },
        { updateOne: { filter: { _id: 'b' }, update: { $set: { email: 'a@x' } } } },
        { insertOne: { document: { _id: 'c', email: 'c@x' } } },
      ]),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(
      people.bulkWrite([{ replaceOne: { filter: { _id: 'c' }, replacement: { email: 'b@x' }, upsert: true } }]),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(people.updateOne({ email: 'b@x' }, { $set: { email: 'a@x' } })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    expect(await people.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', email: 'a@x' },
      { _id: 'b', email: 'b@x' },
    ]);
  });

  it('commits a transaction: its reads see its own writes, and afterwards everyone does', async () => {
    await seed();
    const result = await store.transaction(async (tx) => {
      const inside = tx.collection(people.name);
      await inside.updateOne({ _id: 'ana' }, { $set: { age: 50 } });
      await inside.bulkWrite([
        { replaceOne: { filter: { _id: 'dee' }, replacement: { name: 'Dee', tags: ['new'] }, upsert: true } },
        { deleteOne: { filter: { _id: 'bo' } } },
      ]);
      expect((await inside.findOne({ _id: 'ana' }))?.age).toBe(50);
      expect(ids(await inside.find({ tags: 'new' }))).toEqual(['dee']);
      expect(await inside.countDocuments()).toBe(3);
      return 'done';
    });
    expect(result).toBe('done');
    expect(ids(await people.find({}))).toEqual(['ana', 'cy', 'dee']);
    expect((await people.findOne({ _id: 'ana' }))?.age).toBe(50);
  });

  (atomicTransactions ? it : it.skip)(
    'rolls a failed transaction back entirely, including new collections',
    async () => {
      await seed();
      const other = `${people.name}_other`;
      const failure = new Error('projection failed');
      await expect(
        store.transaction(async (tx) => {
          const inside = tx.collection(people.name);
          await inside.updateOne({ _id: 'ana' }, { $set: { age: 99, tags: 'scalar' } });
          await inside.bulkWrite([
            { deleteOne: { filter: { _id: 'bo' } } },
            { insertOne: { document: { _id: 'eve', tags: [['nested']] } } },
          ]);
          await tx.collection(other).insertOne({ _id: 'x' });
          expect(await inside.countDocuments()).toBe(3);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await people.find({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'ana', name: 'Ana', age: 41, tags: ['admin'], site: { id: '1001' } },
        { _id: 'bo', name: 'Bo', age: 29, tags: [], site: { id: '1001' } },
        { _id: 'cy', name: 'Cy', age: 35, tags: ['user'], site: { id: '2002' } },
      ]);
      expect(ids(await people.find({ tags: 'admin' }))).toEqual(['ana']);
      expect(await store.listCollectionNames()).not.toContain(other);
      await store.collection(other).drop();
    },
  );
}
