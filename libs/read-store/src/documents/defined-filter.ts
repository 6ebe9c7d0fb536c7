import type { Filter } from '../document-store.port.js';

/**
 * A filter field holding `undefined` is a caller's bug, and both adapters would answer it wrongly
 * and silently: MongoDB (with ignoreUndefined) and the SQLite translation drop the condition, so
 * `{_id: undefined}` matches every document. Refuse it instead.
 */
export function assertDefinedFilter(filter: Filter): void {
  for (const [key, condition] of Object.entries(filter)) {
    if (condition === undefined)
      throw new Error(`filter field "${key}" is undefined; leave the key out or compare with null`);
    if ((key === '$and' || key === '$or') && Array.isArray(condition))
      for (const part of condition) assertDefinedFilter(part as Filter);
  }
}
