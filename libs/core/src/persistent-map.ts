/**
 * Persistent (immutable, structurally shared) maps for aggregate state: evolve stays pure without
 * copying a whole map on every event. Re-exported here so domains depend on libs/core only.
 */
export { Map as PersistentMap } from 'immutable';
