import { join } from 'node:path';
import type { AppConfig } from '#core';
import { openEventStore } from '#event-store';
import {
  ProjectionRunner,
  READ_MODELS_FILE,
  openDocumentStore,
  removeDatabaseFiles,
  replaceDatabaseFile,
} from '#read-store';
import { allProjections, rebuildEmbedded } from '#composition';

/**
 * Replays the whole log into fresh read models. Embedded: into a new file beside the live one
 * (by REBUILD_THREADS threads, see rebuildEmbedded), swapped in by an atomic rename only once
 * complete, so a failed or interrupted rebuild leaves the previous read models in place.
 * MongoDB: drops and replays in place (stop the projector first).
 */
export async function rebuildCommand(config: AppConfig): Promise<string> {
  const started = Date.now();
  if (config.mongodbUrl) {
    const events = await openEventStore(config);
    try {
      const documents = await openDocumentStore({ ...config, projector: true });
      try {
        const replayed = await new ProjectionRunner(events, documents, allProjections()).rebuild();
        return `rebuilt ${allProjections().length} read models in MongoDB from ${replayed} events in ${Date.now() - started} ms`;
      } finally {
        await documents.close();
      }
    } finally {
      await events.close();
    }
  }
  const live = join(config.dataDir, READ_MODELS_FILE);
  const next = `${live}.rebuilding`;
  removeDatabaseFiles(next);
  const { replayed, threads } = await rebuildEmbedded({
    events: config.eventStoreUrl ? { url: config.eventStoreUrl } : { file: join(config.dataDir, 'events.sqlite') },
    target: next,
    threads: config.rebuildThreads,
  });
  replaceDatabaseFile(next, live);
  return `rebuilt ${allProjections().length} read models from ${replayed} events in ${Date.now() - started} ms on ${threads} thread(s) into ${live} (swapped in whole; restart a running API to serve them)`;
}
