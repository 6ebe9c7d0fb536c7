import type { RecordedEvent } from '#core';
import type { DocumentStore } from '../document-store.port.js';

/**
 * A read model's only writer. `project` must be idempotent: feeding the same event twice changes
 * nothing (guard on the event position, key documents by event or confirmation ids, or write
 * absolute values), because a crash between a write and its checkpoint replays the batch.
 */
export interface Projection {
  readonly name: string;
  /**
   * Bump when the code that builds this read model changes: at the next start only this projection
   * is dropped and replayed from the beginning (the others keep their checkpoints). Default 1.
   */
  readonly version?: number;
  /** Every collection this projection writes; dropped on rebuild. */
  readonly collections: readonly string[];
  /** Creates indexes; safe to call on every start. */
  setup?(store: DocumentStore): Promise<void>;
  project(events: readonly RecordedEvent[], store: DocumentStore): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
