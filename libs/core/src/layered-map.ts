import { Map as ImmutableMap } from 'immutable';
import type { PersistentMapLike } from './persistent-map.js';

const REMOVED: unique symbol = Symbol('removed');

/** What LayeredMap reads of its base: a plain `Map`, or a `LazyMap` that builds each value when first read. */
export interface MapBase<K, V> extends Iterable<[K, V]> {
  readonly size: number;
  get(key: K): V | undefined;
  has(key: K): boolean;
  keys(): IterableIterator<K>;
}

/**
 * A read-only map over keys and a function that builds the value at a key's index, called only
 * when the value is first read (then kept). Restoring 100k members from a snapshot's columns then
 * allocates one index entry per key, not one object: a command reads a handful of them.
 */
export class LazyMap<K, V> implements MapBase<K, V> {
  private readonly index = new Map<K, number>();
  private readonly built: (V | undefined)[] = [];

  constructor(
    keys: readonly K[],
    private readonly build: (index: number) => V,
  ) {
    for (let i = 0; i < keys.length; i++) this.index.set(keys[i]!, i);
  }

  get size(): number {
    return this.index.size;
  }

  get(key: K): V | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    return (this.built[i] ??= this.build(i));
  }

  has(key: K): boolean {
    return this.index.has(key);
  }

  keys(): IterableIterator<K> {
    return this.index.keys();
  }

  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (const [key, i] of this.index) yield [key, (this.built[i] ??= this.build(i))];
  }
}

/**
 * A persistent map over a plain, never-mutated `Map`: the changes since live in a small immutable
 * map on top. Restoring a big aggregate from a snapshot then costs one plain `Map` (a few
 * milliseconds for 50k entries) instead of building a hash trie entry by entry, and each later
 * event still answers a new map without copying the base.
 */
export class LayeredMap<K, V> implements PersistentMapLike<K, V> {
  private constructor(
    private readonly base: MapBase<K, V>,
    private readonly changes: ImmutableMap<K, V | typeof REMOVED>,
    readonly size: number,
  ) {}

  /** `base` becomes the map's own: the caller must never change it afterwards (a LazyMap never changes). */
  static over<K, V>(base: MapBase<K, V>): LayeredMap<K, V> {
    return new LayeredMap(base, ImmutableMap(), base.size);
  }

  get(key: K): V | undefined {
    const changed = this.changes.get(key);
    if (changed === undefined) return this.base.get(key);
    return changed === REMOVED ? undefined : changed;
  }

  has(key: K): boolean {
    const changed = this.changes.get(key);
    return changed === undefined ? this.base.has(key) : changed !== REMOVED;
  }

  set(key: K, value: V): LayeredMap<K, V> {
    if (value === undefined) throw new Error('LayeredMap does not hold undefined values');
    return new LayeredMap(this.base, this.changes.set(key, value), this.has(key) ? this.size : this.size + 1);
  }

  delete(key: K): LayeredMap<K, V> {
    if (!this.has(key)) return this;
    const changes = this.base.has(key) ? this.changes.set(key, REMOVED) : this.changes.delete(key);
    return new LayeredMap(this.base, changes, this.size - 1);
  }

  *[Symbol.iterator](): IterableIterator<[K, V]> {
    // By key: a value of the base that was changed or removed is never read (a LazyMap never builds it).
    for (const key of this.base.keys()) {
      const changed = this.changes.get(key);
      if (changed === undefined) yield [key, this.base.get(key)!];
      else if (changed !== REMOVED) yield [key, changed];
    }
    for (const [key, changed] of this.changes) if (changed !== REMOVED && !this.base.has(key)) yield [key, changed];
  }

  entries(): IterableIterator<[K, V]> {
    return this[Symbol.iterator]();
  }

  *values(): IterableIterator<V> {
    for (const [, value] of this) yield value;
  }
}
