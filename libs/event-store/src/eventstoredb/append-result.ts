import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type AppendResult as ClientAppendResult,
  type AppendStreamState,
  type Position as ClientPosition,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '#core';
import type { ExpectedRevision } from '../event-store.port.js';

const STATES = { no_stream: NO_STREAM, any: ANY, stream_exists: STREAM_EXISTS } as const;

/** Our expected revision as the client's stream state. */
export function streamStateOf(expected: ExpectedRevision): AppendStreamState {
  return typeof expected === 'number' ? BigInt(expected) : STATES[expected];
}

/**
 * What an append really did. With `throwOnAppendFailure=false` in the connection string the client
 * resolves a wrong-version append with `success: false` instead of throwing; that is a conflict,
 * never a write, so it becomes our WrongExpectedRevisionError like the thrown form does.
 */
export function checkAppendResult(
  stream: string,
  expected: ExpectedRevision,
  result: ClientAppendResult,
): { nextRevision: number; position: ClientPosition | undefined } {
  if (!result.success) {
    // The client's batch-append path reports no reliable current revision on failure (1.3.1
    // derives it from a boolean), so the actual revision is named only when it can be trusted.
    const actual = result.nextExpectedRevision < 0n ? 'no_stream' : `unknown (append reported success: false)`;
    throw new WrongExpectedRevisionError(stream, String(expected), actual);
  }
  return { nextRevision: Number(result.nextExpectedRevision), position: result.position };
}

/** The client's wrong-version error as ours; any other error unchanged. */
export function appendError(stream: string, expected: ExpectedRevision, error: unknown): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(stream, String(expected), String(error.actualState));
  }
  return error;
}
