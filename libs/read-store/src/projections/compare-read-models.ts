import type { DocumentStore } from '../document-store.port.js';
import type { Projection } from './projection.js';

export interface ReadModelDifference {
  readonly collection: string;
  readonly missing: string[];
  readonly unexpected: string[];
  readonly different: string[];
}

/** Compares every collection the projections own, document by document (by `_id`). */
export async function compareReadModels(
  projections: readonly Projection[],
  expected: DocumentStore,
  actual: DocumentStore,
): Promise<ReadModelDifference[]> {
  const differences: ReadModelDifference[] = [];
  for (const collection of projections.flatMap((p) => p.collections)) {
    const byId = async (store: DocumentStore) =>
      new Map(
        (await store.collection(collection).find({})).map((d) => [JSON.stringify(d._id), JSON.stringify(sortKeys(d))]),
      );
    const [want, have] = await Promise.all([byId(expected), byId(actual)]);
    const missing = [...want.keys()].filter((id) => !have.has(id));
    const unexpected = [...have.keys()].filter((id) => !want.has(id));
    const different = [...want.keys()].filter((id) => have.has(id) && have.get(id) !== want.get(id));
    if (missing.length + unexpected.length + different.length > 0)
      differences.push({ collection, missing, unexpected, different });
  }
  return differences;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
