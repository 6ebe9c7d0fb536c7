import type { AppConfig } from '#core';
import { openEventStore, verifyChains } from '#event-store';
import { ProjectionRunner, SqliteDocumentStore, compareReadModels, openDocumentStore } from '#read-store';
import { allProjections } from '#composition';

export interface VerifyResult {
  readonly ok: boolean;
  readonly report: string;
}

/**
 * `npm run verify`: recomputes every stream's hash chain, then rebuilds every read model into a
 * fresh store and compares it with the live one (MongoDB when MONGODB_URL is set, else
 * DATA_DIR/read-models.sqlite, first caught up to the head from its own checkpoints exactly as a
 * restarting API would). Not ok when any link is broken or any document differs.
 */
export async function verifyCommand(config: AppConfig): Promise<VerifyResult> {
  const events = await openEventStore(config);
  const lines: string[] = [];
  try {
    const chains = await verifyChains(events);
    lines.push(`hash chains: ${chains.events} events in ${chains.streams} streams, ${chains.broken.length} broken`);
    for (const link of chains.broken)
      lines.push(`  BROKEN ${link.stream} at revision ${link.revision} (position ${link.position}): ${link.reason}`);

    const rebuilt = new SqliteDocumentStore(':memory:');
    await new ProjectionRunner(events, rebuilt, allProjections()).rebuild();
    const live = await openDocumentStore({ ...config, projector: true });
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
      await rebuilt.close();
    }
    const source = config.mongodbUrl ? 'MongoDB' : 'the read-models file, caught up from its checkpoints';
    lines.push(
      `read models: rebuilt from the log and compared with ${source}: ${differences.length === 0 ? 'identical' : `${differences.length} collections differ`}`,
    );
    for (const d of differences) {
      lines.push(
        `  DIFFERENT ${d.collection}: ${d.missing.length} missing, ${d.unexpected.length} unexpected, ${d.different.length} different (e.g. ${[...d.missing, ...d.unexpected, ...d.different].slice(0, 3).join(', ')})`,
      );
    }
    return { ok: chains.broken.length === 0 && differences.length === 0, report: lines.join('\n') };
  } finally {
    await events.close();
  }
}
