/** Runs queued work one at a time, in arrival order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  /** Nothing holds or waits for the lock: synchronous work may run right away. */
  get idle(): boolean {
    return this.pending === 0;
  }

  async run<T>(work: () => Promise<T> | T): Promise<T> {
    this.pending += 1;
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    try {
      await previous;
      return await work();
    } finally {
      this.pending -= 1;
      release();
    }
  }
}
