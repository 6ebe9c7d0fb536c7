/**
 * Serialises work per key inside one process. Commands on the same stream then never race each
 * other here, so expected-revision conflicts only come from other processes, and a burst of
 * requests gets business answers (e.g. SECONDARY_CONTACT_LIMIT) rather than CONCURRENCY_CONFLICT.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
