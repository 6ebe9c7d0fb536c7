import type { IdempotencyClaim, IdempotencyKeys, IdempotentRecord } from '../event-store.port.js';

/** At most this many keys are kept; the oldest are forgotten first. */
export const MEMORY_IDEMPOTENCY_KEYS = 10_000;

/**
 * Idempotency keys for a store that cannot record them with its appends (EventStoreDB): kept in
 * this process's memory after the append committed, bounded and forgotten after the retention.
 * Best effort: a restart, another API replica, or a crash between the commit and `remember`
 * loses the key, and a retry then records the command again.
 */
export class MemoryIdempotencyKeys implements IdempotencyKeys {
  private readonly records = new Map<string, IdempotentRecord>();

  constructor(private readonly capacity = MEMORY_IDEMPOTENCY_KEYS) {}

  async find(scope: string, key: string, since: string): Promise<IdempotentRecord | undefined> {
    const id = idOf(scope, key);
    const record = this.records.get(id);
    if (record === undefined || record.recordedAt >= since) return record;
    this.records.delete(id);
    return undefined;
  }

  remember(claim: IdempotencyClaim, record: IdempotentRecord): void {
    const id = idOf(claim.scope, claim.key);
    this.records.delete(id);
    this.records.set(id, record);
    for (const oldest of this.records.keys()) {
      if (this.records.size <= this.capacity) break;
      this.records.delete(oldest);
    }
  }
}

const idOf = (scope: string, key: string) => `${scope}\u0000${key}`;
