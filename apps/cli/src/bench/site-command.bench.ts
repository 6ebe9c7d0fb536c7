import { join } from 'node:path';
import { randomIds, systemClock } from '#core';
import { CommandPipeline, SqliteEventStore, newCommandMeta } from '#event-store';
import type { SiteCommand } from '#site-access/domain/site.commands';
import { siteDecider } from '#site-access/domain/site.decider';
import { median, tempDir } from './bench-util.js';
import { seedSite } from './site-history.js';
import { siteStream } from '#site-access/domain/site.streams';

const collect = () => (globalThis as { gc?: () => void }).gc?.();

/** (c') The same latency ratio with the real Site decider: a site whose stream holds `size` events vs a new site. */
export async function benchSiteCommand(size: number, samples: number) {
  const { dir, cleanup } = tempDir('bench-site-command-');
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const seed = (siteId: string, events: number) => seedSite(store, siteId, events, 1000);
  await seed('1000000', size);
  let pipeline = new CommandPipeline(store);
  const primary = (siteId: string) => ({ userId: `primary@${siteId}.example`, operator: false, auditor: false });
  const addUser = async (siteId: string, i: number) => {
    const at = new Date().toISOString();
    const command: SiteCommand = {
      type: 'AddUser',
      actor: primary(siteId),
      at,
      role: 'user',
      privileges: { reporting: 'view' },
      user: { userId: `bench${i}@example.com`, firstName: 'B', lastName: `Bench ${i}`, email: `bench${i}@example.com` },
    };
    const started = performance.now();
    await pipeline.execute({
      stream: siteStream.of(siteId),
      decider: siteDecider,
      command,
      meta: newCommandMeta({ commandName: 'AddUser', actorId: command.actor.userId }, systemClock, randomIds),
    });
    return performance.now() - started;
  };
  // Cold: a new pipeline (empty cache), as after a process start. First without a snapshot (it folds
  // every event, then writes one), then with it (the snapshot + the events after it).
  // Each starts from a collected heap, as a new process would (not with the previous fold's garbage).
  collect();
  const coldBig = await addUser('1000000', -1);
  const snapshotRevision = (await store.snapshots.load(siteStream.of('1000000')))?.revision;
  pipeline = new CommandPipeline(store);
  collect();
  const coldWithSnapshot = await addUser('1000000', -2);
  const big: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < samples; i++) {
    const small = String(2000000 + i);
    await seed(small, 5);
    big.push(await addUser('1000000', i));
    fresh.push(await addUser(small, i));
  }
  // Cold again, now `samples` events past the snapshot: the tail a restart typically folds (< SNAPSHOT_EVERY).
  pipeline = new CommandPipeline(store);
  collect();
  const coldBehindSnapshot = await addUser('1000000', -3);
  await store.close();
  cleanup();
  return {
    coldBigMs: coldBig,
    coldWithSnapshotMs: coldWithSnapshot,
    coldBehindSnapshotMs: coldBehindSnapshot,
    eventsBehindSnapshot: samples,
    snapshotWritten: snapshotRevision !== undefined,
    bigMedianMs: median(big),
    freshMedianMs: median(fresh),
    ratio: median(big) / median(fresh),
  };
}
