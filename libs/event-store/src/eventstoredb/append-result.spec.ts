import {
  ANY,
  KurrentDBClient,
  NO_STREAM,
  STREAM_EXISTS,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendResult,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '#core';
import { appendError, checkAppendResult, streamStateOf } from './append-result.js';
import { kurrentConnectionString } from './eventstoredb-event-store.js';

// The objects below are the client's own: the AppendResult shapes its append paths resolve with
// (streams/appendToStream/{append,batchAppend}.js) and its own error classes.
describe('EventStoreDB append results', () => {
  it('maps our expected revision to the client stream state', () => {
    expect(streamStateOf('no_stream')).toBe(NO_STREAM);
    expect(streamStateOf('any')).toBe(ANY);
    expect(streamStateOf('stream_exists')).toBe(STREAM_EXISTS);
    expect(streamStateOf(4)).toBe(4n);
  });

  it('honours throwOnAppendFailure=false from the connection string (so a failed append resolves)', () => {
    const client = KurrentDBClient.connectionString(
      kurrentConnectionString('esdb://localhost:2113?tls=false&throwOnAppendFailure=false'),
    );
    // A protected field of the client: the flag its append paths read before resolving success:false.
    expect((client as unknown as { throwOnAppendFailure: boolean }).throwOnAppendFailure).toBe(false);
  });

  it('treats a resolved append with success:false as a conflict, never as written', () => {
    // What batchAppend resolves with for a wrong expected version when throwOnAppendFailure=false.
    const failed: AppendResult = { success: false, nextExpectedRevision: 1n, position: undefined };
    expect(() => checkAppendResult('site-1', 0, failed)).toThrow(WrongExpectedRevisionError);
    // ... and what the unary append resolves with when the stream does not exist.
    const missing: AppendResult = { success: false, nextExpectedRevision: -1n, position: undefined };
    expect(() => checkAppendResult('site-1', 'stream_exists', missing)).toThrow(
      expect.objectContaining({ stream: 'site-1', expected: 'stream_exists', actual: 'no_stream' }),
    );
  });

  it('answers the revision and position of a successful append', () => {
    const ok: AppendResult = { success: true, nextExpectedRevision: 3n, position: { commit: 120n, prepare: 120n } };
    expect(checkAppendResult('site-1', 2, ok)).toEqual({ nextRevision: 3, position: { commit: 120n, prepare: 120n } });
  });

  it("maps the client's thrown WrongExpectedVersionError to ours and leaves other errors alone", () => {
    const thrown = new WrongExpectedVersionError(undefined, { streamName: 'site-1', expected: 0n, current: 3n });
    const mapped = appendError('site-1', 0, thrown);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ stream: 'site-1', expected: '0', actual: '3' });
    const noStream = new WrongExpectedVersionError(undefined, {
      streamName: 's',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(appendError('s', 'stream_exists', noStream)).toMatchObject({ actual: 'no_stream' });
    const down = new UnavailableError(undefined, 'down');
    expect(appendError('site-1', 0, down)).toBe(down);
  });

  it('rewrites the deprecated esdb:// scheme so the client does not warn on every connect', () => {
    expect(kurrentConnectionString('esdb://h:2113?tls=false')).toBe('kurrentdb://h:2113?tls=false');
    expect(kurrentConnectionString('esdb+discover://h:2113')).toBe('kurrentdb+discover://h:2113');
    expect(kurrentConnectionString('kurrentdb://h:2113')).toBe('kurrentdb://h:2113');
  });
});
