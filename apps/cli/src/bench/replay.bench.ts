import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { type Projection, ProjectionRunner } from '#read-store';
import { SqliteDocumentStore } from '#read-store/sqlite/sqlite-document-store';
import { tempDir } from './bench-util.js';
import { seedSite } from './site-history.js';

/**
 * (b) Replay rate into the embedded read store: `count` events of realistic site histories made by
 * the real Site decider (`perSite` events per site), replayed through the product's own projections.
 */
export async function benchReplay(count: number, projectionSets: Projection[][], perSite = 1000) {
  const { dir, cleanup } = tempDir('bench-replay-');
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  for (let site = 0; site * perSite < count; site++) {
    const siteId = String(100000 + site);
    await seedSite(events, siteId, Math.min(perSite, count - site * perSite), perSite);
  }
  const results = [];
  for (const projections of projectionSets) {
    (globalThis as { gc?: () => void }).gc?.();
    // A fresh read-models.sqlite file, as the API keeps it (WAL, two connections), not ':memory:'.
    const documents: SqliteDocumentStore = new SqliteDocumentStore(
      join(dir, `read-models-${projectionSets.indexOf(projections)}.sqlite`),
    );
    const runner = new ProjectionRunner(events, documents, projections);
    const started = performance.now();
    const replayed = await runner.rebuild(5000);
    const seconds = (performance.now() - started) / 1000;
    await documents.close();
    results.push({ replayed, seconds, rate: replayed / seconds, projections: projections.map((p) => p.name) });
  }
  await events.close();
  cleanup();
  return results;
}
