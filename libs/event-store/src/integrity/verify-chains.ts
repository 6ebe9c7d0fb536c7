import { GENESIS_HASH, type RecordedEvent, eventHash } from '#core';
import type { EventStore } from '../event-store.port.js';

export interface BrokenLink {
  readonly stream: string;
  /** Revision of the first event whose link does not hold. */
  readonly revision: number;
  readonly position: string;
  readonly reason: string;
}

export interface ChainReport {
  readonly streams: number;
  readonly events: number;
  readonly broken: BrokenLink[];
}

/**
 * Walks the whole log once and re-computes every stream's hash chain: an edited, deleted,
 * inserted or reordered event breaks the link at (or right after) it. Reports the first broken
 * link per stream.
 */
export async function verifyChains(store: EventStore, batchSize = 5000): Promise<ChainReport> {
  const tips = new Map<string, { hash: string; revision: number }>();
  const broken = new Map<string, BrokenLink>();
  let events = 0;
  let after: RecordedEvent['position'] | undefined;
  for (;;) {
    const batch = await store.readAll({ after, limit: batchSize });
    if (batch.length === 0) break;
    for (const event of batch) {
      events += 1;
      if (broken.has(event.stream)) continue;
      const tip = tips.get(event.stream) ?? { hash: GENESIS_HASH, revision: -1 };
      const reason = checkLink(tip, event);
      if (reason)
        broken.set(event.stream, { stream: event.stream, revision: event.revision, position: event.position, reason });
      tips.set(event.stream, { hash: String(event.metadata.hash), revision: event.revision });
    }
    after = batch[batch.length - 1]!.position;
  }
  return { streams: tips.size, events, broken: [...broken.values()] };
}

function checkLink(tip: { hash: string; revision: number }, event: RecordedEvent): string | undefined {
  if (event.revision !== tip.revision + 1) {
    return `revision ${event.revision} follows ${tip.revision}: an event is missing or out of order`;
  }
  const expected = eventHash(tip.hash, event);
  if (event.metadata.hash !== expected) {
    return `hash ${String(event.metadata.hash).slice(0, 12)}… does not match the recomputed ${expected.slice(0, 12)}…: this event or the one before it was altered, removed or reordered`;
  }
  return undefined;
}
