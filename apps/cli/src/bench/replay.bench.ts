import { join } from 'node:path';
import type { RecordedEvent } from '../../../../libs/core/src/index.js';
import { SqliteEventStore } from '../../../../libs/event-store/src/index.js';
import { type DocumentStore, type Projection, ProjectionRunner } from '../../../../libs/read-store/src/index.js';
import { EmbeddedDocumentStore } from '../../../../libs/read-store/src/embedded/embedded-document-store.js';
import { sampleEvent, tempDir } from './bench-util.js';

/**
 * A projection shaped like the product's: one document per member keyed by site and user, written
 * with an upsert, plus a per-site counter. Used when the product registers no projection of its own.
 */
class SiteMembersBenchProjection implements Projection {
  readonly name = 'bench-site-members';
  readonly collections = ['bench_site_members', 'bench_sites'];
  async project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void> {
    const members = store.collection('bench_site_members');
    const sites = store.collection('bench_sites');
    for (const event of events) {
      const data = event.data as { siteId: string; userId: string; role: string; email: string };
      await members.updateOne(
        { _id: `${data.siteId}:${data.userId}` },
        { $set: { siteId: data.siteId, userId: data.userId, role: data.role, email: data.email, position: event.position } },
        { upsert: true },
      );
      await sites.updateOne(
        { _id: data.siteId },
        { $set: { lastPosition: event.position }, $addToSet: { members: data.userId } },
        { upsert: true },
      );
    }
  }
}

/** (b) Replay rate of `count` events from SQLite into the embedded read store. */
export async function benchReplay(count: number, projections?: Projection[]) {
  const { dir, cleanup } = tempDir('bench-replay-');
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i) }, (_, j) => sampleEvent(i + j));
    await events.append(`site-${i}`, batch, 'no_stream');
  }
  const documents = new EmbeddedDocumentStore();
  const list = projections && projections.length > 0 ? projections : [new SiteMembersBenchProjection()];
  const runner = new ProjectionRunner(events, documents, list);
  const started = performance.now();
  const replayed = await runner.rebuild(5000);
  const seconds = (performance.now() - started) / 1000;
  await events.close();
  cleanup();
  return { replayed, seconds, rate: replayed / seconds, projections: list.map((p) => p.name) };
}
