import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { SITE_PERSON_PATHS, membersAsOf } from '#site-access/queries/site-users/site-users.as-of';
import { median, tempDir } from './bench-util.js';
import { seedSite } from './site-history.js';
import { siteStream } from '#site-access/domain/site.streams';

/**
 * asOf for one user on a site whose stream holds `size` events: the exact work of
 * GET /v1/sites/{siteId}/users/{userId}/access?asOf= (read the person's events up to the instant, fold).
 */
export async function benchAsOf(size: number, runs = 7) {
  const { dir, cleanup } = tempDir('bench-as-of-');
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const siteId = '1000000';
  await seedSite(store, siteId, size);
  const events = await store.readStream(siteStream.of(siteId), { fromRevision: size - 1 });
  const asOf = new Date(events[0]!.metadata.occurredAt);
  const userId = `user${Math.floor(size / 8)}@${siteId}.example`;
  const oneUser: number[] = [];
  const wholeSite: number[] = [];
  let found = false;
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    const mine = await store.readStream(siteStream.of(siteId), {
      until: asOf,
      mentioning: { paths: SITE_PERSON_PATHS, value: userId },
    });
    found = membersAsOf(mine).members.some((m) => m.userId === userId);
    oneUser.push(performance.now() - started);
    if (i < 3) {
      started = performance.now();
      membersAsOf(await store.readStream(siteStream.of(siteId), { until: asOf }));
      wholeSite.push(performance.now() - started);
    }
  }
  await store.close();
  cleanup();
  return { oneUserMs: median(oneUser), wholeSiteMs: median(wholeSite), found };
}
