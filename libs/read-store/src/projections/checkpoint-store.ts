import type { Position } from '#core';
import type { DocumentStore } from '../document-store.port.js';

export const CHECKPOINTS = '_checkpoints';

interface CheckpointDocument extends Record<string, unknown> {
  _id: string;
  position: Position;
  version?: number;
}

export interface Checkpoint {
  readonly position: Position;
  /** The projection's version that wrote it (absent in checkpoints older than versions: 1). */
  readonly version: number;
}

/** Per-projection checkpoints kept in the read store itself, next to the data they describe. */
export class CheckpointStore {
  constructor(private readonly store: DocumentStore) {}

  private get collection() {
    return this.store.collection<CheckpointDocument>(CHECKPOINTS);
  }

  async load(names: readonly string[]): Promise<Map<string, Checkpoint>> {
    const documents = await this.collection.find({ _id: { $in: [...names] } });
    return new Map(documents.map((d) => [d._id, { position: d.position, version: d.version ?? 1 }]));
  }

  async save(entries: readonly { name: string; version: number }[], position: Position): Promise<void> {
    if (entries.length === 0) return;
    await this.collection.bulkWrite(
      entries.map(({ name, version }) => ({
        updateOne: { filter: { _id: name }, update: { $set: { position, version } }, upsert: true },
      })),
    );
  }

  async clear(names: readonly string[]): Promise<void> {
    await this.collection.deleteMany({ _id: { $in: [...names] } });
  }
}
