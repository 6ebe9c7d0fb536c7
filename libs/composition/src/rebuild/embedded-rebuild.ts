import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type EventStore, SqliteEventStore } from '#event-store';
import {
  type Projection,
  ProjectionRunner,
  SqliteDocumentStore,
  mergeDatabaseFiles,
  removeDatabaseFiles,
} from '#read-store';
import { allProjections } from '../projections.js';

/**
 * Relative cost of replaying one event through each projection, measured on the bench's site
 * history (200k events, each projection alone, minus reading the log): only used to share the
 * projections fairly among the rebuild's threads. A projection missing here counts 1.
 */
const REPLAY_COST: Readonly<Record<string, number>> = {
  'audit-trail': 2,
  'site-access': 1,
  'notification-outbox': 1,
  'partner-profile': 0.2,
  'user-preferences': 0.1,
};

/** The log to replay: the embedded event store's file, or EventStoreDB's URL (each thread opens its own connection). */
export type EventSource = { readonly file: string } | { readonly url: string };

export interface EmbeddedRebuildOptions {
  readonly events: EventSource;
  /** The new read-models file to build (replaced if present); the caller swaps it in. */
  readonly target: string;
  /** Threads replaying at once, each for its share of the projections (default: the machine's cores). */
  readonly threads?: number;
  readonly batchSize?: number;
}

export interface EmbeddedRebuildResult {
  /** Events replayed (the log as the first thread read it; every thread reads it whole). */
  readonly replayed: number;
  readonly threads: number;
}

/**
 * Builds every read model from the whole log into a new file. With several threads, each worker
 * thread replays the log through its share of the projections into a part file of its own (the
 * cores work at once; SQLite has one writer per file), and the parts are then merged into the
 * target. Every part is built as the single-threaded rebuild builds it: documents and checkpoints
 * per batch in one transaction, deferred indexes built once caught up. On any failure every file
 * of the rebuild is removed and the error thrown.
 */
export async function rebuildEmbedded(options: EmbeddedRebuildOptions): Promise<EmbeddedRebuildResult> {
  const groups = shareProjections(allProjections(), options.threads ?? availableParallelism());
  const parts = groups.slice(1).map((_, i) => `${options.target}.part${i + 1}`);
  const files = [options.target, ...parts];
  for (const file of files) removeDatabaseFiles(file);
  try {
    // Every thread runs to its end before anything is merged or removed (no file is written by a thread still running).
    const results = await Promise.allSettled([
      rebuildPart(options.events, options.target, groups[0]!, options.batchSize),
      ...parts.map((part, i) => rebuildInWorker(options.events, part, groups[i + 1]!, options.batchSize)),
    ]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const replayed = (results[0] as PromiseFulfilledResult<number>).value;
    mergeDatabaseFiles(options.target, parts);
    for (const part of parts) removeDatabaseFiles(part);
    return { replayed, threads: groups.length };
  } catch (error) {
    for (const file of files) removeDatabaseFiles(file);
    throw error;
  }
}

/** Replays the log through `projections` into a new store file, in this thread; answers the events replayed. */
export async function rebuildPart(
  source: EventSource,
  file: string,
  projections: readonly Projection[],
  batchSize = 5000,
): Promise<number> {
  const events = await openEventSource(source);
  const documents = new SqliteDocumentStore(file, { rebuilding: true });
  try {
    return await new ProjectionRunner(events, documents, projections).rebuild(batchSize);
  } finally {
    await documents.close();
    await events.close();
  }
}

async function openEventSource(source: EventSource): Promise<EventStore> {
  if ('file' in source) return new SqliteEventStore(source.file);
  const { EventStoreDbEventStore } = await import('#event-store/eventstoredb/eventstoredb-event-store');
  return new EventStoreDbEventStore(source.url);
}

function rebuildInWorker(
  source: EventSource,
  file: string,
  projections: readonly Projection[],
  batchSize?: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./rebuild-worker.js', import.meta.url), {
      workerData: { source, file, projections: projections.map((p) => p.name), batchSize },
    });
    let replayed: number | undefined;
    worker.once('message', (message: { replayed: number }) => (replayed = message.replayed));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code === 0 && replayed !== undefined) resolve(replayed);
      else reject(new Error(`the rebuild thread for ${projections.map((p) => p.name).join(', ')} exited with ${code}`));
    });
  });
}

/**
 * Deals the projections to at most `threads` groups of about equal replay cost (greediest first,
 * each to the lightest group so far); never an empty group, the first group the heaviest.
 */
export function shareProjections(projections: readonly Projection[], threads: number): Projection[][] {
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`rebuild threads must be a positive integer, got ${threads}`);
  const cost = (p: Projection) => REPLAY_COST[p.name] ?? 1;
  const groups: { cost: number; projections: Projection[] }[] = [];
  for (const projection of [...projections].sort((a, b) => cost(b) - cost(a))) {
    if (groups.length < Math.min(threads, projections.length)) {
      groups.push({ cost: cost(projection), projections: [projection] });
      continue;
    }
    const lightest = groups.reduce((a, b) => (b.cost < a.cost ? b : a));
    lightest.cost += cost(projection);
    lightest.projections.push(projection);
  }
  return groups.sort((a, b) => b.cost - a.cost).map((g) => g.projections);
}
