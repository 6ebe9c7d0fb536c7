import type { RecordedEvent } from '#core';
import type { DocumentStore } from '../document-store.port.js';
import { SqliteDocumentStore } from '../sqlite/sqlite-document-store.js';
import type { Projection } from '../projections/projection.js';

/** Every document of every collection the projection owns, sorted, for whole-state comparisons. */
export async function snapshot(projection: Projection, store: DocumentStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of projection.collections) out[name] = await store.collection(name).find({}, { sort: { _id: 1 } });
  return out;
}

/** Given these events (one batch each), the read model as the projection leaves it. */
export async function project(projection: Projection, events: readonly RecordedEvent[]): Promise<DocumentStore> {
  const store = new SqliteDocumentStore(':memory:');
  await projection.setup?.(store);
  for (const event of events) await projection.project([event], store);
  return store;
}

/**
 * Feeds every event twice (each right after itself) and checks the result equals feeding it once:
 * the idempotency every projection must have. Returns the single-feed store for further checks.
 */
export async function expectIdempotent(
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<DocumentStore> {
  const once = await project(projection, events);
  const twice = await project(
    projection,
    events.flatMap((e) => [e, e]),
  );
  expect(await snapshot(projection, twice)).toEqual(await snapshot(projection, once));
  const replayedWhole = new SqliteDocumentStore(':memory:');
  await projection.setup?.(replayedWhole);
  await projection.project(events, replayedWhole);
  await projection.project(events, replayedWhole);
  expect(await snapshot(projection, replayedWhole)).toEqual(await snapshot(projection, once));
  return once;
}
