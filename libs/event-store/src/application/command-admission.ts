import { DomainErrorWithHeaders } from '#core';

/** Seconds a refused client is told to wait: about the time a full queue of group commits takes to drain. */
export const COMMAND_RETRY_AFTER_SECONDS = 1;

/**
 * Backpressure for the write path: at most `limit` commands in flight in this process (waiting for
 * their stream, deciding, or waiting for their group commit). One more is refused at once with
 * `503 COMMAND_QUEUE_FULL` and `Retry-After`, before anything is loaded or decided, so a refused
 * command records nothing and an overloaded process does not queue work it cannot answer in time.
 */
export class CommandAdmission {
  private active = 0;
  private closing = false;
  private idle: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new Error(`a command queue needs room for at least one command, got ${limit}`);
  }

  /** Commands admitted and not yet answered. */
  get inFlight(): number {
    return this.active;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) {
      throw new DomainErrorWithHeaders(
        'SHUTTING_DOWN',
        `This server is shutting down; nothing was recorded. Try again in ${COMMAND_RETRY_AFTER_SECONDS} s (another instance, or this one once restarted, will answer).`,
        { 'Retry-After': String(COMMAND_RETRY_AFTER_SECONDS) },
      );
    }
    if (this.active >= this.limit) {
      throw new DomainErrorWithHeaders(
        'COMMAND_QUEUE_FULL',
        `${this.limit} commands are already being processed; nothing was recorded. Try again in ${COMMAND_RETRY_AFTER_SECONDS} s.`,
        { 'Retry-After': String(COMMAND_RETRY_AFTER_SECONDS) },
      );
    }
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /**
   * Shutdown: refuses every new command (503 SHUTTING_DOWN, nothing recorded) and resolves once
   * the admitted ones have been answered, or after `timeoutMs` (answering how many were left).
   */
  async drain(timeoutMs: number): Promise<number> {
    this.closing = true;
    if (this.active === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
    return this.active;
  }
}
