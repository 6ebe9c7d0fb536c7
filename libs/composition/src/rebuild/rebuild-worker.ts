import { parentPort, workerData } from 'node:worker_threads';
import { allProjections } from '../projections.js';
import { type EventSource, rebuildPart } from './embedded-rebuild.js';

/** One thread of a parallel rebuild (see rebuildEmbedded): its projections into its own part file. */
const { source, file, projections, batchSize } = workerData as {
  source: EventSource;
  file: string;
  projections: string[];
  batchSize?: number;
};
const mine = allProjections().filter((p) => projections.includes(p.name));
if (mine.length !== projections.length) throw new Error(`unknown projections among ${projections.join(', ')}`);
parentPort!.postMessage({ replayed: await rebuildPart(source, file, mine, batchSize) });
