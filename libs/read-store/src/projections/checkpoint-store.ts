import type { Position } from '../../../core/src/index.js';
import type { DocumentStore } from '../document-store.port.js';

export const CHECKPOINTS = '_checkpoints';

interface CheckpointDocument extends Record<string, unknown> {
  _id: string;
  position: Position;
}

/** Per-projection checkpoints kept in the read store itself, next to the data they describe. */
export class CheckpointStore {
  constructor(private readonly store: DocumentStore) {}

  private get collection() {
    return this.store.collection<CheckpointDocument>(CHECKPOINTS);
  }

  async load(names: readonly string[]): Promise<Map<string, Position>> {
    const documents = await this.collection.find({ _id: { $in: [...names] } });
    return new Map(documents.map((d) => [d._id, d.position]));
  }

  async save(names: readonly string[], position: Position): Promise<void> {
    await this.collection.bulkWrite(
      names.map((name) => ({
        updateOne: { filter: { _id: name }, update: { $set: { position } }, upsert: true },
      })),
    );
  }

  async clear(names: readonly string[]): Promise<void> {
    await this.collection.deleteMany({ _id: { $in: [...names] } });
  }
}
