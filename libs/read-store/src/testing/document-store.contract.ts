import { randomUUID } from 'node:crypto';
import { DuplicateKeyError } from '../../../core/src/index.js';
import type { DocumentCollection, DocumentStore } from '../document-store.port.js';

/** One behaviour for every DocumentStore adapter: MongoDB's semantics, including upserts. */
export function documentStoreContract(open: () => Promise<DocumentStore>): void {
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
    await expect(
      people.updateOne({ _id: 'new' }, { $set: { name: 'Cy' } }, { upsert: true }),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
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
}
