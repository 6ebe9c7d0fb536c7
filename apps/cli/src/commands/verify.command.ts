import type { AppConfig } from '../../../../libs/core/src/index.js';
import { openEventStore, verifyChains } from '../../../../libs/event-store/src/index.js';
import { ProjectionRunner, compareReadModels, openDocumentStore } from '../../../../libs/read-store/src/index.js';
import { EmbeddedDocumentStore } from '../../../../libs/read-store/src/embedded/embedded-document-store.js';
import { allProjections } from '../../../api/src/projections.js';

export interface VerifyResult {
  readonly ok: boolean;
  readonly report: string;
}

/**
 * `npm run verify`: recomputes every stream's hash chain, then rebuilds every read model into a
 * fresh store and compares it with the live one (MongoDB when MONGODB_URL is set; in embedded mode
 * the live read models are the ones the API builds at boot, which this reproduces through the
 * same catch-up subscription). Not ok when any link is broken or any document differs.
 */
export async function verifyCommand(config: AppConfig): Promise<VerifyResult> {
  const events = openEventStore(config);
  const lines: string[] = [];
  try {
    const chains = await verifyChains(events);
    lines.push(`hash chains: ${chains.events} events in ${chains.streams} streams, ${chains.broken.length} broken`);
    for (const link of chains.broken) lines.push(`  BROKEN ${link.stream} at revision ${link.revision} (position ${link.position}): ${link.reason}`);

    const rebuilt = new EmbeddedDocumentStore();
    await new ProjectionRunner(events, rebuilt, allProjections()).rebuild();
    const live = config.mongodbUrl ? await openDocumentStore(config) : new EmbeddedDocumentStore();
    let differences;
    try {
      if (!config.mongodbUrl) {
        const booted = new ProjectionRunner(events, live, allProjections());
        await booted.start({ catchUp: true });
        await booted.stop();
      }
      differences = await compareReadModels(allProjections(), rebuilt, live);
    } finally {
      await live.close();
    }
    const source = config.mongodbUrl ? 'MongoDB' : 'a boot-time catch-up';
    lines.push(`read models: rebuilt from the log and compared with ${source}: ${differences.length === 0 ? 'identical' : `${differences.length} collections differ`}`);
    for (const d of differences) {
      lines.push(`  DIFFERENT ${d.collection}: ${d.missing.length} missing, ${d.unexpected.length} unexpected, ${d.different.length} different (e.g. ${[...d.missing, ...d.unexpected, ...d.different].slice(0, 3).join(', ')})`);
    }
    return { ok: chains.broken.length === 0 && differences.length === 0, report: lines.join('\n') };
  } finally {
    await events.close();
  }
}
