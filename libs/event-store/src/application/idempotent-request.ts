import { AsyncLocalStorage } from 'node:async_hooks';

/** A request's Idempotency-Key and the fingerprint of what it asked (method, path, body). */
export interface IdempotentRequest {
  readonly key: string;
  readonly fingerprint: string;
}

const current = new AsyncLocalStorage<{ readonly request: IdempotentRequest; taken: boolean }>();

/**
 * Runs the handling of one request under its Idempotency-Key. The HTTP layer sets it; the
 * CommandService takes it for the request's command, so no route has to pass it along.
 */
export function withIdempotentRequest<T>(request: IdempotentRequest, work: () => T): T {
  return current.run({ request, taken: false }, work);
}

/** The key of the request being handled, for its one command (a second command under one key is a bug). */
export function takeIdempotentRequest(): IdempotentRequest | undefined {
  const scope = current.getStore();
  if (scope === undefined) return undefined;
  if (scope.taken) throw new Error('An Idempotency-Key covers one command; this request ran a second one.');
  scope.taken = true;
  return scope.request;
}
