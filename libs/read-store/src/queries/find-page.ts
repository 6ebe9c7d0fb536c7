import type { Document, DocumentCollection, Filter, FindOptions, ProjectionSpec } from '../document-store.port.js';

/** A projection together with the type of the documents it returns: `R` out of a collection of `T`. */
export interface Shape<T extends Document, R> {
  /** Absent: whole documents. */
  readonly projection?: ProjectionSpec;
  /** Type only, never set: ties the shape to its collection's documents. */
  readonly from?: (document: T) => R;
}

/** The shapes over a collection of `T`: whole documents, only some fields (without `_id`), or all but some. */
export function shapeOf<T extends Document>() {
  return {
    whole: (): Shape<T, T> => ({}),
    pick: <K extends keyof T & string>(...keys: K[]): Shape<T, Pick<T, K>> => ({
      projection: { _id: 0, ...Object.fromEntries(keys.map((k) => [k, 1])) },
    }),
    omit: <K extends keyof T & string>(...keys: K[]): Shape<T, Omit<T, K>> => ({
      projection: Object.fromEntries(keys.map((k) => [k, 0])),
    }),
  };
}

/** The documents matching `filter`, each in the shape asked for. */
export async function findShaped<T extends Document, R>(
  collection: DocumentCollection<T>,
  filter: Filter,
  shape: Shape<T, R>,
  options: Omit<FindOptions, 'projection'> = {},
): Promise<R[]> {
  // The store applies the projection, so each document it returns has the shape's type.
  const found = await collection.find(
    filter,
    shape.projection ? { ...options, projection: shape.projection } : options,
  );
  return found as unknown as R[];
}

/** One page of the documents matching `filter`, and how many match in all: what every list answers. */
export async function findPage<T extends Document, R>(
  collection: DocumentCollection<T>,
  filter: Filter,
  shape: Shape<T, R>,
  options: Omit<FindOptions, 'projection'>,
): Promise<{ items: R[]; total: number }> {
  const [items, total] = await Promise.all([
    findShaped(collection, filter, shape, options),
    collection.countDocuments(filter),
  ]);
  return { items, total };
}

/** The first document matching `filter` in the shape asked for, or null. */
export async function findOneShaped<T extends Document, R>(
  collection: DocumentCollection<T>,
  filter: Filter,
  shape: Shape<T, R>,
): Promise<R | null> {
  return (await collection.findOne(
    filter,
    shape.projection ? { projection: shape.projection } : {},
  )) as unknown as R | null;
}
