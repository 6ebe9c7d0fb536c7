import { type Position, type RecordedEvent, comparePositions } from '#core';
import type { BatchHandler, RetryNotice, SubscribeOptions, Subscription } from '../event-store.port.js';

/** What a subscription needs from the store: paged catch-up reads and a live feed, both exclusive of `after`. */
export interface EventFeedSource {
  /** Up to `max` of our events strictly after `after`, in log order. */
  page(after: Position | undefined, max: number): Promise<RecordedEvent[]>;
  /** Batches of our events after `after`, live; ends or throws when the connection drops. */
  live(after: Position | undefined): LiveFeed;
}

export interface LiveFeed extends AsyncIterable<readonly RecordedEvent[]> {
  close(): Promise<void>;
}

export interface RetryPolicy {
  /** Consecutive failed attempts retried before `onError`. */
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A live feed that stayed up this long counts as healthy again (the failure count restarts). */
  readonly stableAfterMs: number;
}

/** 8 retries over about 40 s (0.25, 0.5, 1, 2, 4, 8, 10, 10 s), then `onError`. */
export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 8,
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  stableAfterMs: 60_000,
};

/** Events per catch-up page and at most per live batch: the same slice as the SQLite adapter. */
export const CATCH_UP_PAGE = 5000;

/** Exponential backoff for the `attempt`-th consecutive failure (1-based), capped. */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

class HandlerFailed {
  constructor(readonly error: unknown) {}
}

export interface RunOptions extends SubscribeOptions {
  readonly retry?: RetryPolicy;
  readonly pageSize?: number;
  /** Injected in tests. */
  readonly now?: () => number;
}

/**
 * Catches up with paged reads (`pageSize` events per handler call), then follows the live feed;
 * after a connection failure it starts over from the last delivered position, with backoff, at
 * most `retry.maxRetries` consecutive times, reporting each retry through `onRetry`; then
 * `onError`. A failing handler is a bug, not a transient fault: `onError` at once, no retry.
 */
export function runSubscription(
  source: EventFeedSource,
  handler: BatchHandler,
  options: RunOptions = {},
): Subscription {
  const policy = options.retry ?? DEFAULT_RETRY;
  const pageSize = options.pageSize ?? CATCH_UP_PAGE;
  const now = options.now ?? Date.now;
  let stopped = false;
  let last = options.after;
  let feed: LiveFeed | undefined;
  let wake = () => undefined as void;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(resolve, ms);
      wake = () => (clearTimeout(timer), resolve());
    });

  const deliver = async (events: readonly RecordedEvent[]) => {
    const fresh = last === undefined ? events : events.filter((e) => comparePositions(e.position, last!) > 0);
    if (fresh.length === 0) return;
    try {
      await handler(fresh);
    } catch (error) {
      throw new HandlerFailed(error);
    }
    last = fresh[fresh.length - 1]!.position;
  };

  const run = async () => {
    let failures = 0;
    while (!stopped) {
      let liveSince: number | undefined;
      try {
        for (;;) {
          const page = await source.page(last, pageSize);
          if (stopped) return;
          await deliver(page);
          failures = 0;
          if (page.length < pageSize) break;
        }
        feed = source.live(last);
        liveSince = now();
        for await (const batch of feed) {
          if (stopped) return;
          await deliver(batch);
          failures = 0;
        }
        if (stopped) return;
        throw new Error('the live subscription ended');
      } catch (error) {
        if (stopped) return;
        if (error instanceof HandlerFailed) throw error;
        await feed?.close().catch(() => undefined);
        feed = undefined;
        if (liveSince !== undefined && now() - liveSince >= policy.stableAfterMs) failures = 0;
        failures += 1;
        if (failures > policy.maxRetries) throw error;
        const notice: RetryNotice = {
          attempt: failures,
          maxRetries: policy.maxRetries,
          delayMs: retryDelay(policy, failures),
          error,
        };
        options.onRetry?.(notice);
        await sleep(notice.delayMs);
      }
    }
  };

  const loop = run().catch((error: unknown) => {
    stopped = true;
    options.onError?.(error instanceof HandlerFailed ? error.error : error);
  });

  return {
    stop: async () => {
      stopped = true;
      wake();
      await feed?.close().catch(() => undefined);
      await loop;
    },
  };
}
