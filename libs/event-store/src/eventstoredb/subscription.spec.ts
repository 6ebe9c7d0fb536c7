import { UnavailableError } from '@kurrent/kurrentdb-client';
import { type Position, type RecordedEvent, comparePositions, positionOf } from '#core';
import type { RetryNotice } from '../event-store.port.js';
import { type EventFeedSource, type LiveFeed, type RetryPolicy, retryDelay, runSubscription } from './subscription.js';
import { TEST_METADATA } from '#core/testing/test-metadata';

const at = (n: number): RecordedEvent => ({
  id: `e${n}`,
  stream: 'site-1',
  revision: n,
  position: positionOf(BigInt(n), BigInt(n)),
  type: 'T',
  data: { n },
  metadata: TEST_METADATA,
});
const after = (position: Position | undefined) => (e: RecordedEvent) =>
  position === undefined || comparePositions(e.position, position) > 0;
const fast: RetryPolicy = { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 4, stableAfterMs: 60_000 };
// A transport failure as the client reports it (gRPC UNAVAILABLE).
const unavailable = () =>
  new UnavailableError({
    code: 14,
    details: 'connection dropped',
    message: '14 UNAVAILABLE: connection dropped',
  } as never);

/** An in-memory log behind the source interface; `failures` makes the next calls fail like a dropped connection. */
function memorySource(log: RecordedEvent[]) {
  const calls = { page: 0, live: 0 };
  let failPages = 0;
  let pushLive: ((batch: RecordedEvent[] | Error) => void) | undefined;
  const source: EventFeedSource = {
    page: async (position, max) => {
      calls.page += 1;
      if (failPages > 0) {
        failPages -= 1;
        throw unavailable();
      }
      return log.filter(after(position)).slice(0, max);
    },
    live: (position): LiveFeed => {
      calls.live += 1;
      const queue: (RecordedEvent[] | Error)[] = [log.filter(after(position))].filter((b) => b.length > 0);
      let notify = () => undefined as void;
      let closed = false;
      pushLive = (item) => (queue.push(item), notify());
      return {
        async *[Symbol.asyncIterator]() {
          while (!closed) {
            const item = queue.shift();
            if (item instanceof Error) throw item;
            if (item) yield item;
            else await new Promise<void>((resolve) => (notify = resolve));
          }
        },
        close: async () => ((closed = true), notify()),
      };
    },
  };
  return {
    source,
    calls,
    failNextPages: (n: number) => (failPages = n),
    append: (...events: RecordedEvent[]) => (log.push(...events), pushLive?.(events)),
    dropLive: () => pushLive?.(unavailable()),
  };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('EventStoreDB subscription loop', () => {
  it('catches up in pages of 5,000 events per handler call, then goes live', async () => {
    const memory = memorySource(Array.from({ length: 12_001 }, (_, i) => at(i + 1)));
    const batches: number[] = [];
    const seen: RecordedEvent[] = [];
    const subscription = runSubscription(memory.source, async (batch) => {
      batches.push(batch.length);
      seen.push(...batch);
    });
    await until(() => seen.length === 12_001, 'catch-up');
    memory.append(at(12_002), at(12_003));
    await until(() => seen.length === 12_003, 'live events');
    await subscription.stop();
    expect(batches).toEqual([5000, 5000, 2001, 2]);
    expect(seen.map((e) => e.revision)).toEqual(Array.from({ length: 12_003 }, (_, i) => i + 1));
  });

  it('retries a dropped connection with backoff from the last delivered event, reporting each retry', async () => {
    const memory = memorySource([at(1), at(2)]);
    const seen: number[] = [];
    const retries: RetryNotice[] = [];
    const errors: unknown[] = [];
    const subscription = runSubscription(
      memory.source,
      async (batch) => void seen.push(...batch.map((e) => e.revision)),
      {
        retry: fast,
        onRetry: (notice) => retries.push(notice),
        onError: (error) => errors.push(error),
      },
    );
    await until(() => seen.length === 2 && memory.calls.live === 1, 'live');
    memory.failNextPages(2);
    memory.dropLive();
    await until(() => memory.calls.live === 2, 'the second live feed');
    memory.append(at(3));
    await until(() => seen.length === 3, 'the event after the reconnect');
    await subscription.stop();
    expect(seen).toEqual([1, 2, 3]);
    expect(retries.map((r) => [r.attempt, r.delayMs, r.maxRetries])).toEqual([
      [1, 1, 3],
      [2, 2, 3],
      [3, 4, 3],
    ]);
    expect(retries.every((r) => r.error instanceof UnavailableError)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('gives up after maxRetries consecutive failures and calls onError with the last error', async () => {
    const memory = memorySource([at(1)]);
    memory.failNextPages(100);
    const retries: RetryNotice[] = [];
    let failure: unknown;
    runSubscription(memory.source, async () => undefined, {
      retry: fast,
      onRetry: (notice) => retries.push(notice),
      onError: (error) => (failure = error),
    });
    await until(() => failure !== undefined, 'onError');
    expect(failure).toBeInstanceOf(UnavailableError);
    expect(retries.map((r) => r.delayMs)).toEqual([1, 2, 4]);
    expect(memory.calls.page).toBe(fast.maxRetries + 1);
  });

  it('stops at once, without retrying, when the handler fails', async () => {
    const memory = memorySource([at(1), at(2)]);
    const bug = new Error('projection bug');
    const retries: RetryNotice[] = [];
    let failure: unknown;
    runSubscription(memory.source, async () => Promise.reject(bug), {
      retry: fast,
      onRetry: (notice) => retries.push(notice),
      onError: (error) => (failure = error),
    });
    await until(() => failure !== undefined, 'onError');
    expect(failure).toBe(bug);
    expect(retries).toEqual([]);
  });

  it('stops promptly while waiting to retry', async () => {
    const memory = memorySource([]);
    memory.failNextPages(100);
    const slow: RetryPolicy = { ...fast, initialDelayMs: 60_000, maxDelayMs: 60_000 };
    const subscription = runSubscription(memory.source, async () => undefined, {
      retry: slow,
      onError: () => undefined,
    });
    await until(() => memory.calls.page === 1, 'the first attempt');
    const started = Date.now();
    await subscription.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('backs off exponentially up to the cap', () => {
    const policy: RetryPolicy = { maxRetries: 8, initialDelayMs: 250, maxDelayMs: 10_000, stableAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelay(policy, n))).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
});
