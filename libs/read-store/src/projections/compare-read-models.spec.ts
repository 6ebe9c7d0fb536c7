import { SqliteDocumentStore } from '../sqlite/sqlite-document-store.js';
import { compareReadModels } from './compare-read-models.js';
import type { Projection } from './projection.js';

const owner: Projection = { name: 'p', collections: ['things'], project: async () => undefined };

describe('compareReadModels (what npm run verify reports)', () => {
  it('finds nothing between equal stores, whatever the key order', async () => {
    const [a, b] = [new SqliteDocumentStore(':memory:'), new SqliteDocumentStore(':memory:')];
    await a.collection('things').insertOne({ _id: '1', x: 1, y: { p: 1, q: 2 } });
    await b.collection('things').insertOne({ _id: '1', y: { q: 2, p: 1 }, x: 1 });
    expect(await compareReadModels([owner], a, b)).toEqual([]);
  });

  it('names missing, unexpected and different documents per collection', async () => {
    const [expected, actual] = [new SqliteDocumentStore(':memory:'), new SqliteDocumentStore(':memory:')];
    await expected
      .collection('things')
      .bulkWrite([
        { insertOne: { document: { _id: 'same', v: 1 } } },
        { insertOne: { document: { _id: 'gone', v: 1 } } },
        { insertOne: { document: { _id: 'edited', v: 1 } } },
      ]);
    await actual
      .collection('things')
      .bulkWrite([
        { insertOne: { document: { _id: 'same', v: 1 } } },
        { insertOne: { document: { _id: 'edited', v: 2 } } },
        { insertOne: { document: { _id: 'extra', v: 1 } } },
      ]);
    expect(await compareReadModels([owner], expected, actual)).toEqual([
      { collection: 'things', missing: ['"gone"'], unexpected: ['"extra"'], different: ['"edited"'] },
    ]);
  });
});
