import { MongoClient } from 'mongodb';
import { MongoDocumentCollection, indexOptionsOf, stableSort } from './mongo-document-store.js';

/** Adapter logic that needs no server (the contract suite in *.int-spec.ts needs MONGODB_URL). */
describe('MongoDB adapter, without a server', () => {
  it('sends only the index options that are set (the server rejects unique: null / name: null)', () => {
    expect(indexOptionsOf({})).toEqual({});
    expect(Object.keys(indexOptionsOf({ unique: undefined, name: undefined }))).toEqual([]);
    expect(indexOptionsOf({ unique: true })).toEqual({ unique: true });
    expect(indexOptionsOf({ unique: false, name: 'by_site' })).toEqual({ unique: false, name: 'by_site' });
  });

  it('adds _id as the last sort key so ties page stably, unless the sort already names it', () => {
    expect(stableSort({ lastName: 1, firstName: 1 })).toEqual({ lastName: 1, firstName: 1, _id: 1 });
    expect(Object.keys(stableSort({ occurredAt: -1, _id: -1 })!)).toEqual(['occurredAt', '_id']);
    expect(stableSort(undefined)).toBeUndefined();
  });

  it('answers an empty bulkWrite with zeros without calling the driver (which throws on it)', async () => {
    // A real driver collection on a client that never connects: any call reaching the server would fail.
    const client = new MongoClient('mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=50');
    const collection = new MongoDocumentCollection(client.db('none').collection('none'));
    await expect(collection.bulkWrite([])).resolves.toEqual({
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      deletedCount: 0,
      upsertedCount: 0,
    });
    await client.close();
  });
});
