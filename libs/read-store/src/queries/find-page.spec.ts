import { SqliteDocumentStore } from '../sqlite/sqlite-document-store.js';
import { findOneShaped, findPage, findShaped, shapeOf } from './find-page.js';

type Person = { _id: string; name: string; team: string; secret: string; position: string };

describe('findPage and shapes', () => {
  const shapes = shapeOf<Person>();
  const people: Person[] = ['ann', 'bob', 'cat', 'dan', 'eve'].map((name, i) => ({
    _id: `p${i}`,
    name,
    team: i % 2 ? 'blue' : 'red',
    secret: `s${i}`,
    position: `${i}`,
  }));
  let store: SqliteDocumentStore;

  beforeAll(async () => {
    store = new SqliteDocumentStore(':memory:');
    for (const person of people) await store.collection<Person>('people').insertOne(person);
  });

  it('spells shapes as MongoDB projections: picked fields without _id, or every field but the omitted ones', () => {
    expect(shapes.pick('name', 'team').projection).toEqual({ _id: 0, name: 1, team: 1 });
    expect(shapes.omit('_id', 'secret').projection).toEqual({ _id: 0, secret: 0 });
    expect(shapes.whole().projection).toBeUndefined();
  });

  it('answers one page in the shape asked for, with the count of every match', async () => {
    const people = store.collection<Person>('people');
    expect(
      await findPage(people, { team: 'red' }, shapes.pick('name'), { sort: { name: -1 }, skip: 1, limit: 1 }),
    ).toEqual({ items: [{ name: 'cat' }], total: 3 });
    expect(
      await findPage(people, {}, shapes.omit('_id', 'secret', 'position'), { sort: { name: 1 }, limit: 2 }),
    ).toEqual({
      items: [
        { name: 'ann', team: 'red' },
        { name: 'bob', team: 'blue' },
      ],
      total: 5,
    });
  });

  it('reads whole documents, and single documents, in the same shapes', async () => {
    const people = store.collection<Person>('people');
    expect(await findShaped(people, { name: 'eve' }, shapes.whole())).toEqual([
      { _id: 'p4', name: 'eve', team: 'red', secret: 's4', position: '4' },
    ]);
    expect(await findOneShaped(people, { _id: 'p1' }, shapes.pick('name', 'team'))).toEqual({
      name: 'bob',
      team: 'blue',
    });
    expect(await findOneShaped(people, { _id: 'nobody' }, shapes.pick('name'))).toBeNull();
  });
});
