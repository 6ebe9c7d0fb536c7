import type { Document, ProjectionSpec } from '../document-store.port.js';

/**
 * MongoDB projection for the common flat case (top-level fields, all included or all excluded,
 * `_id` either way), done by hand because building a mingo cursor costs ~100 µs per call.
 * Answers undefined for anything else, which the caller hands to mingo.
 */
export function projectFlat(document: Document, spec: ProjectionSpec): Document | undefined {
  const entries = Object.entries(spec);
  if (entries.some(([field]) => field.includes('.') || field.startsWith('$'))) return undefined;
  const others = entries.filter(([field]) => field !== '_id');
  const including = others.some(([, v]) => v === 1);
  if (including && others.some(([, v]) => v === 0)) return undefined;
  const keepId = spec._id !== 0;
  if (including) {
    const out: Document = keepId && '_id' in document ? { _id: document._id } : {};
    for (const [field] of others) if (field in document) out[field] = document[field];
    return out;
  }
  const out: Document = { ...document };
  for (const [field] of others) delete out[field];
  if (!keepId) delete out._id;
  return out;
}
