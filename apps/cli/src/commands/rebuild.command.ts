import type { AppConfig } from '../../../../libs/core/src/index.js';
import { openEventStore } from '../../../../libs/event-store/src/index.js';
import { ProjectionRunner, openDocumentStore } from '../../../../libs/read-store/src/index.js';
import { allProjections } from '../../../api/src/projections.js';

/**
 * Drops every read model and replays the whole log into it. Against MongoDB, stop the projector
 * first; in embedded mode read models are rebuilt at every start anyway.
 */
export async function rebuildCommand(config: AppConfig): Promise<string> {
  const events = openEventStore(config);
  const documents = await openDocumentStore({ ...config, projector: true });
  try {
    const started = Date.now();
    const runner = new ProjectionRunner(events, documents, allProjections());
    const replayed = await runner.rebuild();
    const took = `${replayed} events in ${Date.now() - started} ms`;
    if (documents.kind === 'embedded') {
      return `embedded read models live inside the API process and are rebuilt at every start; replayed ${took} into a scratch copy, all projected cleanly`;
    }
    return `rebuilt ${allProjections().length} read models in MongoDB from ${took}`;
  } finally {
    await documents.close();
    await events.close();
  }
}
