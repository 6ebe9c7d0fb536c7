import { LayeredMap, LazyMap } from './layered-map.js';

const sorted = <K, V>(entries: Iterable<[K, V]>) => [...entries].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));

describe('LayeredMap', () => {
  it('answers as a Map over its base and the changes on top', () => {
    const base = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const m0 = LayeredMap.over(base);
    const m1 = m0.set('c', 3).set('a', 10).delete('b');
    expect([m1.get('a'), m1.get('b'), m1.get('c'), m1.has('b'), m1.has('c'), m1.size]).toEqual([
      10,
      undefined,
      3,
      false,
      true,
      2,
    ]);
    expect([...m1]).toEqual([
      ['a', 10],
      ['c', 3],
    ]);
    expect([...m1.values()]).toEqual([10, 3]);
  });

  it('is persistent: earlier versions and the base never change', () => {
    const base = new Map([['a', 1]]);
    const m0 = LayeredMap.over(base);
    const m1 = m0.set('a', 2);
    const m2 = m1.delete('a');
    const m3 = m2.set('a', 3);
    expect([m0.get('a'), m1.get('a'), m2.get('a'), m3.get('a')]).toEqual([1, 2, undefined, 3]);
    expect([m0.size, m1.size, m2.size, m3.size]).toEqual([1, 1, 0, 1]);
    expect([...base]).toEqual([['a', 1]]);
    expect(m2.delete('a')).toBe(m2);
    expect(m2.delete('nothing')).toBe(m2);
  });

  it('matches a plain Map through 5,000 random sets and deletes', () => {
    let seed = 42;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const model = new Map<string, number>();
    for (let i = 0; i < 200; i++) model.set(`k${random(300)}`, i);
    let layered = LayeredMap.over(new Map(model));
    for (let step = 0; step < 5000; step++) {
      const key = `k${random(400)}`;
      if (random(3) === 0) {
        model.delete(key);
        layered = layered.delete(key);
      } else {
        model.set(key, step);
        layered = layered.set(key, step);
      }
      expect(layered.get(key)).toBe(model.get(key));
      expect(layered.has(key)).toBe(model.has(key));
      expect(layered.size).toBe(model.size);
    }
    expect(sorted(layered)).toEqual(sorted(model));
    expect([...layered].length).toBe(model.size);
  });

  it('over a LazyMap builds each value once, when first read, and iterates every key', () => {
    const built: number[] = [];
    const lazy = new LazyMap(['a', 'b', 'c'], (i) => (built.push(i), { i }));
    const m = LayeredMap.over(lazy).set('d', { i: 9 }).delete('b');
    expect(built).toEqual([]);
    expect(m.get('a')).toEqual({ i: 0 });
    expect(m.get('a')).toBe(m.get('a'));
    expect([m.has('b'), m.get('b'), m.size]).toEqual([false, undefined, 3]);
    expect(built).toEqual([0]);
    expect([...m]).toEqual([
      ['a', { i: 0 }],
      ['c', { i: 2 }],
      ['d', { i: 9 }],
    ]);
    expect(built).toEqual([0, 2]);
  });
});
