import { hostname } from 'node:os';
import { DuplicateKeyError } from '#core';
import type { DocumentStore } from '../document-store.port.js';

export const LEASES = '_leases';

interface LeaseDocument extends Record<string, unknown> {
  _id: string;
  owner: string;
  /** Fencing token: grows by one each time the lease changes hands. */
  token: number;
  expiresAt: string;
}

/** The lease passed to another process while this one was writing: its batch must not commit. */
export class LeaseLostError extends Error {
  constructor(readonly owner: string) {
    super(`projector ${owner} no longer holds the projection lease; another projector took over`);
  }
}

/**
 * One projector per read store: a lock document with an expiry in the read store itself. Taking
 * it (free, expired or already ours) bumps a fencing token, and every batch checks inside its own
 * transaction that the lease still carries our token, so a projector that paused past its expiry
 * cannot overwrite the work of the one that took over.
 */
export class ProjectionLease {
  private token?: number;

  constructor(
    private readonly store: DocumentStore,
    readonly owner: string,
    readonly ttlMs = 15_000,
    private readonly now: () => Date = () => new Date(),
    private readonly id = 'projector',
  ) {}

  get held(): boolean {
    return this.token !== undefined;
  }

  /** Takes or renews the lease; answers whether this process holds it now. */
  async acquire(): Promise<boolean> {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    try {
      this.token = await this.store.transaction(async (tx) => {
        const leases = tx.collection<LeaseDocument>(LEASES);
        const current = await leases.findOne({ _id: this.id });
        if (current && current.owner === this.owner && current.token === this.token) {
          await leases.updateOne({ _id: this.id, token: current.token }, { $set: { expiresAt } });
          return current.token;
        }
        if (current && current.expiresAt > now.toISOString() && !ownerIsGone(current.owner)) return undefined;
        const token = (current?.token ?? 0) + 1;
        if (!current) await leases.insertOne({ _id: this.id, owner: this.owner, token, expiresAt });
        else if (
          (
            await leases.updateOne(
              { _id: this.id, token: current.token },
              { $set: { owner: this.owner, token, expiresAt } },
            )
          ).matchedCount === 0
        )
          return undefined;
        return token;
      });
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      this.token = undefined; // another projector inserted it first
    }
    return this.held;
  }

  /** Inside a batch's transaction: throws LeaseLostError unless the lease still carries our token. */
  async assertHeld(tx: DocumentStore): Promise<void> {
    const current = await tx.collection<LeaseDocument>(LEASES).findOne({ _id: this.id });
    if (this.token === undefined || current?.owner !== this.owner || current.token !== this.token) {
      this.token = undefined;
      throw new LeaseLostError(this.owner);
    }
  }

  async release(): Promise<void> {
    if (this.token === undefined) return;
    await this.store.collection(LEASES).deleteOne({ _id: this.id, owner: this.owner, token: this.token });
    this.token = undefined;
  }
}

/** `host:pid:nonce`, so a restart on the same machine need not wait out a crashed holder's lease. */
export function leaseOwnerId(nonce: string): string {
  return `${hostname()}:${process.pid}:${nonce}`;
}

/** A holder on this machine whose process no longer exists (killed, crashed) holds nothing. */
function ownerIsGone(owner: string): boolean {
  const [host, pid] = owner.split(':');
  const id = Number(pid);
  if (host !== hostname() || !Number.isInteger(id) || id <= 0 || id === process.pid) return false;
  try {
    process.kill(id, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
