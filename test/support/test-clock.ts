import type { Clock } from '#core';

/**
 * The app's clock in suites that ask "as of when?": never behind the real time, but every reading
 * at least a millisecond after the previous one, so each command stamps its own instant without the
 * suite sleeping, and `between()` names an instant strictly between two commands.
 */
export class TestClock implements Clock {
  private last = 0;

  now(): Date {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last);
  }

  /** An instant after every reading so far and before every later one (ISO-8601). */
  between(): string {
    this.last += 1;
    const at = this.last;
    this.last += 1;
    return new Date(at).toISOString();
  }
}
