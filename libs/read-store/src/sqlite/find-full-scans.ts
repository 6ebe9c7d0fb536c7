import type { QueryPlan } from './sqlite-connection.js';

/**
 * The SELECTs whose plan reads a whole collection table (`SCAN <table>` not `USING ... INDEX`),
 * except on collections known to stay small. json_each and other virtual tables are not counted:
 * they walk one document's array or a parameter list.
 */
export function findFullScans(
  store: { queryPlans(): readonly QueryPlan[] },
  boundedCollections: readonly string[] = [],
): QueryPlan[] {
  const bounded = new Set(boundedCollections);
  return store.queryPlans().filter((query) =>
    query.plan.some((line) => {
      if (!line.startsWith('SCAN ') || /VIRTUAL TABLE|USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(line))
        return false;
      const table = line.slice('SCAN '.length);
      return !bounded.has(table) && !(table === query.collection && bounded.has(query.collection));
    }),
  );
}
