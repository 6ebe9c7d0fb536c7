import type { RecordedEvent } from '#core';
import type { DocumentStore } from '../document-store.port.js';
import type { UnitOfWork } from './unit-of-work.js';

/**
 * Another bounded context's contribution to a shared read model (e.g. partner-profile e-mails in
 * site-access's notification outbox), wired in libs/composition so neither context imports the
 * other. The host projection hands it every event of each batch, in order, with the host's unit of
 * work and the collection it may add documents to; the part keeps its own collections (dropped and
 * replayed with the host's) and reads nothing else. Like a projection it must be idempotent.
 */
export interface ProjectionPart {
  readonly name: string;
  /** Bump when its code changes: the host's version includes it, so the host replays with it. */
  readonly version: number;
  /** The part's own collections (written only by it). */
  readonly collections: readonly string[];
  setup?(store: DocumentStore): Promise<void>;
  apply(event: RecordedEvent, work: UnitOfWork, target: string): Promise<void>;
}
