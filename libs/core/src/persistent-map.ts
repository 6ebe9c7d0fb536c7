/**
 * Persistent (immutable, structurally shared) maps for aggregate state: evolve stays pure without
 * copying a whole map on every event. Re-exported here so domains depend on libs/core only.
 */
export { Map as PersistentMap } from 'immutable';

/**
 * What aggregate state needs of a persistent map: point reads, writes that answer a new map, and
 * iteration (for snapshots). Immutable's Map and `LayeredMap` both are one. Iteration order carries
 * no meaning: no decision may depend on it.
 */
export interface PersistentMapLike<K, V> extends Iterable<[K, V]> {
  readonly size: number;
  get(key: K): V | undefined;
  has(key: K): boolean;
  set(key: K, value: V): PersistentMapLike<K, V>;
  delete(key: K): PersistentMapLike<K, V>;
  entries(): IterableIterator<[K, V]>;
  values(): IterableIterator<V>;
}
