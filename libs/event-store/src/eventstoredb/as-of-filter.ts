import { type KurrentDBClient, isCommandError } from '@kurrent/kurrentdb-client';
import { convertBridgeError } from '@kurrent/kurrentdb-client/dist/utils/convertBridgeError.js';
import { type EventMetadata, type RecordedEvent, positionOf } from '#core';
import type { ReadStreamOptions } from '../event-store.port.js';
import { mentions } from '../mentions.js';

/** A record as the client's native reader (`client.rustClient`) yields it: payloads still encoded. */
export type RawRecord = NonNullable<RawResolved['event']>;
type RawResolved =
  ReturnType<KurrentDBClient['rustClient']['readStream']> extends AsyncIterable<(infer R)[]> ? R : never;

const utf8 = new TextDecoder();

/**
 * Decides, record by record, what a stream read returns, decoding as little as possible.
 *
 * EventStoreDB cannot filter a stream read on payload or metadata (no server-side predicate on
 * `readStream`, no secondary index on `occurredAt` or on payload fields in 24.10), so an as-of or
 * `mentioning` read still transfers every event of the stream from `fromRevision` on. What we
 * avoid is decoding what cannot match: system-typed records are dropped before any parse, the
 * (small) metadata is parsed first and a record later than `until` is dropped without parsing its
 * data, and for `mentioning` a record whose data bytes do not contain the value's JSON literal is
 * dropped without parsing. Only the survivors' data is parsed and checked path by path.
 *
 * `until` filters and never ends the read: `occurredAt` was not monotonic within a stream before
 * the pipeline clamped it (conflict retries, skewed replicas), so a later event can be followed by
 * an in-range one. The comparison is the SQLite adapter's (`occurred_at <= until.toISOString()`).
 */
export function streamFilter(options: ReadStreamOptions): (raw: RawRecord) => RecordedEvent | undefined {
  const until = options.until?.toISOString();
  const { mentioning } = options;
  const needle = mentioning ? literalNeedle(mentioning.value) : undefined;
  return (raw) => {
    if (raw.type.startsWith('$')) return undefined;
    const metadata = parseJson(raw.metadata) as EventMetadata;
    if (until !== undefined && !(metadata.occurredAt <= until)) return undefined;
    if (needle && !Buffer.from(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength).includes(needle))
      return undefined;
    const event = fromRaw(raw, metadata);
    if (mentioning && !mentions(event, mentioning)) return undefined;
    return event;
  };
}

/**
 * The bytes any JSON writer must emit for `value` as a string, or undefined when a writer could
 * legitimately escape some of its characters (then the byte test is skipped, never wrong).
 * Plain ASCII letters, digits and `@._-` are written literally by every JSON encoder we know of
 * (including .NET's, which escapes `+`, `<`, `>`, `&` and `'`).
 */
export function literalNeedle(value: string): Buffer | undefined {
  return /^[A-Za-z0-9@._-]+$/.test(value) ? Buffer.from(`"${value}"`, 'utf8') : undefined;
}

export function fromRaw(raw: RawRecord, metadata = parseJson(raw.metadata) as EventMetadata): RecordedEvent {
  if (!raw.position) throw new Error('EventStoreDB returned no position (server older than 22.6?)');
  return {
    id: raw.id,
    stream: raw.streamId,
    revision: Number(raw.revision),
    position: positionOf(raw.position.commit, raw.position.prepare),
    type: raw.type,
    data: parseJson(raw.data) as Record<string, unknown>,
    metadata,
  };
}

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(utf8.decode(bytes));
}

/** Names the native reader gives its errors; the client maps exactly these to its own classes. */
const READER_ERRORS = new Set([
  'StreamNotFoundError',
  'StreamDeletedError',
  'NotLeaderError',
  'AccessDeniedError',
  'UnavailableError',
  'DeadlineExceededError',
]);

/** An error thrown by the native reader as the client's own error class (as `client.readStream` throws it); others unchanged. */
export function readerError(error: unknown, stream: string): unknown {
  if (error instanceof Error && !isCommandError(error) && READER_ERRORS.has(error.name))
    return convertBridgeError(error, stream);
  return error;
}
