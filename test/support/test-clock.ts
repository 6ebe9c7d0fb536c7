import type { Clock } from '#core';

/**
 * The app's clock in suites that ask "as of when?": never behind the real time, but every reading
 * at least a millisecond after the previous one, so each command stamps its own instant without the
 * suite sleeping, and `between()` names an instant strictly between two commands.
 */
export class TestClock implements Clock {
  private last = 0;
  private ahead = 0;

  now(): Date {
    this.last = Math.max(Date.now() + this.ahead, this.last + 1);
    return new Date(this.last);
  }

  /** Moves the clock `ms` forward (the days a reminder waits, in a suite that takes seconds). */
  advance(ms: number): void {
    this.ahead += ms;
  }

  /** Its time now in whole seconds, for a token's `auth_time` (a sign-in "just now" on this clock). */
  nowSeconds(): number {
    return Math.floor((Date.now() + this.ahead) / 1000);
  }

  /** An instant after every reading so far and before every later one (ISO-8601). */
  between(): string {
    this.last += 1;
    const at = this.last;
    this.last += 1;
    return new Date(at).toISOString();
  }
}
