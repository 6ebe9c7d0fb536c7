import { randomUUID } from 'node:crypto';
import { StreamNotFoundError, UnavailableError, jsonEvent } from '@kurrent/kurrentdb-client';
import type { NewEvent, RecordedEvent } from '#core';
import type { ReadStreamOptions } from '../event-store.port.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { type RawRecord, literalNeedle, readerError, streamFilter } from './as-of-filter.js';

const stream = 'site-1001';
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actorId: 'ana@example.com',
    occurredAt,
    correlationId: 'c',
    causationId: 'c',
    command: 'T',
    confirmationNumber: 'X',
    hash: 'h',
  },
});

/** A record as the client's native reader yields it, its payloads encoded the way the client's jsonEvent is written. */
function recorded(e: NewEvent, revision: number): RawRecord {
  const written = jsonEvent({ id: e.id, type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata });
  return {
    streamId: stream,
    id: written.id,
    type: written.type,
    isJson: written.contentType === 'application/json',
    revision: BigInt(revision),
    created: Date.now(),
    data: new Uint8Array(Buffer.from(JSON.stringify(written.data))),
    metadata: new Uint8Array(Buffer.from(JSON.stringify(written.metadata))),
    position: { commit: BigInt(100 + revision), prepare: BigInt(100 + revision) },
  };
}

/** Runs a read through the filter, counting the JSON.parse calls it makes. */
function read(records: RawRecord[], options: ReadStreamOptions): { events: RecordedEvent[]; parses: number } {
  const accept = streamFilter(options);
  const parse = JSON.parse;
  let parses = 0;
  JSON.parse = ((...args: Parameters<typeof JSON.parse>) => ((parses += 1), parse(...args))) as typeof JSON.parse;
  try {
    return { events: records.map(accept).filter((e): e is RecordedEvent => e !== undefined), parses };
  } finally {
    JSON.parse = parse;
  }
}

describe('EventStoreDB stream reads: as-of and mentioning filters', () => {
  // A conflict retry kept its first attempt's time: C (11:00) sits after B (12:00) in the stream.
  const events = [
    event('Opened', '2026-01-01T10:00:00.000Z', { userId: 'ana' }),
    event('Added', '2026-01-01T12:00:00.000Z', { userId: 'bo' }),
    event('Added', '2026-01-01T11:00:00.000Z', { to: { userId: 'ana' } }),
    event('Renamed', '2026-01-01T13:00:00.000Z', { name: 'ana' }),
  ];
  const records = events.map(recorded);

  it('filters by occurredAt instead of stopping at the first later event', () => {
    const { events: found } = read(records, { until: new Date('2026-01-01T11:30:00.000Z') });
    expect(found.map((e) => e.revision)).toEqual([0, 2]);
    expect(found[1]).toMatchObject({
      id: events[2]!.id,
      stream,
      type: 'Added',
      data: { to: { userId: 'ana' } },
      metadata: events[2]!.metadata,
    });
  });

  it('agrees with the SQLite adapter on every as-of and mentioning read', async () => {
    const sqlite = new SqliteEventStore(':memory:');
    try {
      await sqlite.append(stream, events, 'no_stream');
      const reads: ReadStreamOptions[] = [
        {},
        { until: new Date('2026-01-01T09:00:00.000Z') },
        { until: new Date('2026-01-01T11:00:00.000Z') },
        { until: new Date('2026-01-01T11:30:00.000Z') },
        { until: new Date('2026-01-01T12:00:00.000Z') },
        { mentioning: { paths: ['userId', 'to.userId'], value: 'ana' } },
        { until: new Date('2026-01-01T11:30:00.000Z'), mentioning: { paths: ['to.userId'], value: 'ana' } },
        { mentioning: { paths: ['userId'], value: 'nobody' } },
      ];
      for (const options of reads) {
        const expected = (await sqlite.readStream(stream, options)).map((e) => [e.revision, e.id]);
        expect([options, read(records, options).events.map((e) => [e.revision, e.id])]).toEqual([options, expected]);
      }
    } finally {
      await sqlite.close();
    }
  });

  it('parses the data of no event the read leaves out by time or type', () => {
    const system = { ...recorded(event('$metadata', '2026-01-01T10:00:00.000Z'), 4), type: '$metadata' };
    const { events: found, parses } = read([...records, system], { until: new Date('2026-01-01T11:30:00.000Z') });
    expect(found).toHaveLength(2);
    // 4 metadata documents (the system record is never decoded) + the data of the 2 events returned.
    expect(parses).toBe(4 + 2);
  });

  it('parses the data only of events whose bytes hold the value for a mentioning read', () => {
    const { events: found, parses } = read(records, { mentioning: { paths: ['userId', 'to.userId'], value: 'bo' } });
    expect(found.map((e) => e.revision)).toEqual([1]);
    expect(parses).toBe(4 + 1);
    // 'ana' is also a name: its bytes match, it is parsed and then rejected by the path check.
    expect(read(records, { mentioning: { paths: ['userId', 'to.userId'], value: 'ana' } })).toMatchObject({
      events: [{ revision: 0 }, { revision: 2 }],
      parses: 4 + 3,
    });
  });

  it('skips the byte test for values a JSON writer may escape, and stays correct', () => {
    expect(literalNeedle('ana@example.com')).toEqual(Buffer.from('"ana@example.com"'));
    expect(literalNeedle('a+b@example.com')).toBeUndefined();
    expect(literalNeedle('Zoë')).toBeUndefined();
    const plus = [event('Added', '2026-01-01T10:00:00.000Z', { userId: 'a+b@example.com' })].map(recorded);
    expect(read(plus, { mentioning: { paths: ['userId'], value: 'a+b@example.com' } }).events).toHaveLength(1);
  });

  it("turns the native reader's errors into the client's own classes, as client.readStream does", () => {
    const notFound = Object.assign(new Error('stream not found'), { name: 'StreamNotFoundError' });
    expect(readerError(notFound, stream)).toBeInstanceOf(StreamNotFoundError);
    expect(readerError(Object.assign(new Error('down'), { name: 'UnavailableError' }), stream)).toBeInstanceOf(
      UnavailableError,
    );
    const other = new TypeError('bug');
    expect(readerError(other, stream)).toBe(other);
  });
});
