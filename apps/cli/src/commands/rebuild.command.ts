import { join } from 'node:path';
import type { AppConfig } from '#core';
import { openEventStore } from '#event-store';
import {
  ProjectionRunner,
  READ_MODELS_FILE,
  SqliteDocumentStore,
  openDocumentStore,
  removeDatabaseFiles,
  replaceDatabaseFile,
} from '#read-store';
import { allProjections } from '#composition';

/**
 * Replays the whole log into fresh read models. Embedded: into a new file beside the live one,
 * swapped in by an atomic rename only once complete, so a failed or interrupted rebuild leaves the
 * previous read models in place. MongoDB: drops and replays in place (stop the projector first).
 */
export async function rebuildCommand(config: AppConfig): Promise<string> {
  const events = await openEventStore(config);
  try {
    const started = Date.now();
    if (config.mongodbUrl) {
      const documents = await openDocumentStore({ ...config, projector: true });
      try {
        const replayed = await new ProjectionRunner(events, documents, allProjections()).rebuild();
        return `rebuilt ${allProjections().length} read models in MongoDB from ${replayed} events in ${Date.now() - started} ms`;
      } finally {
        await documents.close();
      }
    }
    const live = join(config.dataDir, READ_MODELS_FILE);
    const next = `${live}.rebuilding`;
    removeDatabaseFiles(next);
    const documents = new SqliteDocumentStore(next, { rebuilding: true });
    let replayed: number;
    try {
      replayed = await new ProjectionRunner(events, documents, allProjections()).rebuild();
    } catch (error) {
      await documents.close();
      removeDatabaseFiles(next);
      throw error;
    }
    await documents.close();
    replaceDatabaseFile(next, live);
    return `rebuilt ${allProjections().length} read models from ${replayed} events in ${Date.now() - started} ms into ${live} (swapped in whole; restart a running API to serve them)`;
  } finally {
    await events.close();
  }
}
