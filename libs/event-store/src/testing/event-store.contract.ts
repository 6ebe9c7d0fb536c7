import { randomUUID } from 'node:crypto';
import { type NewEvent, type RecordedEvent, WrongExpectedRevisionError, comparePositions, isPosition } from '#core';
import type { EventStore, ReadStreamOptions } from '../event-store.port.js';

/** One behaviour for every EventStore adapter; each adapter's spec runs this against a real store. */
export function eventStoreContract(open: () => Promise<EventStore>): void {
  let store: EventStore;
  let prefix: string;

  beforeEach(async () => {
    store = await open();
    prefix = `contract${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  });
  afterEach(() => store.close());

  const stream = (name: string) => `${prefix}_${name}-1`;
  const event = (type: string, occurredAt = '2026-01-01T00:00:00.000Z', n = 0): NewEvent => ({
    id: randomUUID(),
    type,
    data: { n, nested: { list: [1, 'two'] } },
    metadata: {
      actorId: 'ana@example.com',
      occurredAt,
      correlationId: 'c',
      causationId: 'c',
      command: 'Test',
      confirmationNumber: 'AAAA-BBBB-CCCC',
      hash: 'h',
    },
  });
  const ours = (events: RecordedEvent[]) => events.filter((e) => e.stream.startsWith(prefix));
  const readAllOurs = async () => ours(await store.readAll({ limit: 100_000 }));

  it('creates a stream with no_stream and reads it back in order with data and metadata', async () => {
    const first = event('Opened', undefined, 1);
    const second = event('Renamed', undefined, 2);
    const result = await store.append(stream('a'), [first, second], 'no_stream');
    expect(result.nextRevision).toBe(1);
    expect(isPosition(result.position)).toBe(true);
    const events = await store.readStream(stream('a'));
    expect(events.map((e) => [e.id, e.type, e.revision, e.stream])).toEqual([
      [first.id, 'Opened', 0, stream('a')],
      [second.id, 'Renamed', 1, stream('a')],
    ]);
    expect(events[0]!.data).toEqual({ n: 1, nested: { list: [1, 'two'] } });
    expect(events[1]!.metadata).toEqual(second.metadata);
    expect(events[1]!.position).toBe(result.position);
    expect(comparePositions(events[0]!.position, events[1]!.position)).toBe(-1);
  });

  it('rejects no_stream on an existing stream and records nothing', async () => {
    await store.append(stream('a'), [event('Opened')], 'no_stream');
    const before = await readAllOurs();
    await expect(store.append(stream('a'), [event('Again')], 'no_stream')).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await readAllOurs()).toEqual(before);
  });

  it('appends at the exact expected revision and rejects a stale one without recording', async () => {
    await store.append(stream('a'), [event('Opened')], 'no_stream');
    const ok = await store.append(stream('a'), [event('Changed')], 0);
    expect(ok.nextRevision).toBe(1);
    const before = await readAllOurs();
    await expect(store.append(stream('a'), [event('Stale'), event('Stale2')], 0)).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await readAllOurs()).toEqual(before);
  });

  it('answers concurrent appends each on its own: one conflicting append fails alone and records nothing', async () => {
    await store.append(stream('x'), [event('Opened')], 'no_stream');
    const stale = [event('Stale1'), event('Stale2')];
    const attempts = [
      ...Array.from({ length: 10 }, (_, i) =>
        store.append(stream(`p${i}`), [event('A', undefined, i), event('B', undefined, i)], 'no_stream'),
      ),
      store.append(stream('x'), stale, 5),
      store.append(stream('x'), [event('Changed')], 0),
    ];
    const settled = await Promise.allSettled(attempts);
    const rejected = settled.flatMap((s, i) => (s.status === 'rejected' ? [[i, s.reason] as const] : []));
    expect(rejected.map(([i]) => i)).toEqual([10]);
    expect(rejected[0]![1]).toBeInstanceOf(WrongExpectedRevisionError);
    for (let i = 0; i < 10; i++) {
      expect((await store.readStream(stream(`p${i}`))).map((e) => [e.type, e.revision, e.data.n])).toEqual([
        ['A', 0, i],
        ['B', 1, i],
      ]);
    }
    expect((await store.readStream(stream('x'))).map((e) => e.type)).toEqual(['Opened', 'Changed']);
    const recorded = new Set((await readAllOurs()).map((e) => e.id));
    expect(stale.filter((e) => recorded.has(e.id))).toEqual([]);
    expect(recorded.size).toBe(1 + 10 * 2 + 1);
  });

  it('lets exactly one of two concurrent appends expecting the same revision win, atomically', async () => {
    await store.append(stream('y'), [event('Opened')], 'no_stream');
    const first = [event('First1'), event('First2')];
    const second = [event('Second1'), event('Second2')];
    const settled = await Promise.allSettled([
      store.append(stream('y'), first, 0),
      store.append(stream('y'), second, 0),
    ]);
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = settled.find((s) => s.status === 'rejected');
    expect(loser?.reason).toBeInstanceOf(WrongExpectedRevisionError);
    const winner = settled[0]!.status === 'fulfilled' ? first : second;
    const types = (await store.readStream(stream('y'))).map((e) => e.type);
    expect(types).toEqual(['Opened', ...winner.map((e) => e.type)]);
    const fulfilled = settled.find((s) => s.status === 'fulfilled');
    expect(fulfilled?.status === 'fulfilled' && fulfilled.value.nextRevision).toBe(2);
  });

  it('supports any and stream_exists', async () => {
    await expect(store.append(stream('b'), [event('X')], 'stream_exists')).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await store.readStream(stream('b'))).toEqual([]);
    expect((await store.append(stream('b'), [event('X')], 'any')).nextRevision).toBe(0);
    expect((await store.append(stream('b'), [event('Y')], 'stream_exists')).nextRevision).toBe(1);
    expect((await store.append(stream('b'), [event('Z')], 'any')).nextRevision).toBe(2);
  });

  it('treats a retried append with the same event ids as already done', async () => {
    const events = [event('Opened'), event('Named')];
    const first = await store.append(stream('a'), events, 'no_stream');
    const retried = await store.append(stream('a'), events, 'no_stream');
    expect(retried.nextRevision).toBe(first.nextRevision);
    expect((await store.readStream(stream('a'))).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('reads a missing stream as empty, and from a revision', async () => {
    expect(await store.readStream(stream('missing'))).toEqual([]);
    await store.append(stream('a'), [event('A'), event('B'), event('C')], 'no_stream');
    expect((await store.readStream(stream('a'), { fromRevision: 1 })).map((e) => e.type)).toEqual(['B', 'C']);
  });

  it('reads at most maxCount events of a stream, from a revision, also with the other filters', async () => {
    await store.append(stream('c'), [event('A'), event('B'), event('C'), event('D')], 'no_stream');
    const types = async (options: ReadStreamOptions) =>
      (await store.readStream(stream('c'), options)).map((e) => e.type);
    expect(await types({ fromRevision: 1, maxCount: 2 })).toEqual(['B', 'C']);
    expect(await types({ fromRevision: 3, maxCount: 2 })).toEqual(['D']);
    expect(await types({ maxCount: 10 })).toEqual(['A', 'B', 'C', 'D']);
    expect(await types({ maxCount: 0 })).toEqual([]);
    expect(await types({ fromRevision: 1, maxCount: 2, until: new Date('2100-01-01T00:00:00.000Z') })).toEqual([
      'B',
      'C',
    ]);
    expect(await store.readStream(stream('missing'), { fromRevision: 2, maxCount: 1 })).toEqual([]);
    const about = (who: string) => ({ ...event('X'), data: { userId: who } });
    await store.append(stream('cm'), [about('ana'), about('bo'), about('ana'), about('ana')], 'no_stream');
    const mentioningAna = await store.readStream(stream('cm'), {
      mentioning: { paths: ['userId'], value: 'ana' },
      maxCount: 2,
    });
    expect(mentioningAna.map((e) => e.revision)).toEqual([0, 2]);
  });

  it('reads a stream as it was at an instant (by occurredAt)', async () => {
    await store.append(stream('t'), [event('A', '2026-01-01T10:00:00.000Z')], 'no_stream');
    await store.append(stream('t'), [event('B', '2026-01-02T10:00:00.000Z')], 0);
    await store.append(stream('t'), [event('C', '2026-01-03T10:00:00.000Z')], 1);
    const asOf = (iso: string) => store.readStream(stream('t'), { until: new Date(iso) });
    expect((await asOf('2026-01-01T09:59:59.999Z')).map((e) => e.type)).toEqual([]);
    expect((await asOf('2026-01-02T10:00:00.000Z')).map((e) => e.type)).toEqual(['A', 'B']);
    expect((await asOf('2027-01-01T00:00:00.000Z')).map((e) => e.type)).toEqual(['A', 'B', 'C']);
  });

  it('reads as of an instant by filtering, even when occurredAt goes back within the stream', async () => {
    // Written before the pipeline clamped time: a conflict retry kept its first attempt's (earlier) time.
    await store.append(
      stream('u'),
      [event('A', '2026-01-01T10:00:00.000Z'), event('B', '2026-01-01T12:00:00.000Z')],
      'no_stream',
    );
    await store.append(
      stream('u'),
      [event('C', '2026-01-01T11:00:00.000Z'), event('D', '2026-01-01T13:00:00.000Z')],
      1,
    );
    const asOf = (iso: string) => store.readStream(stream('u'), { until: new Date(iso) });
    expect((await asOf('2026-01-01T11:30:00.000Z')).map((e) => e.type)).toEqual(['A', 'C']);
    expect((await asOf('2026-01-01T12:00:00.000Z')).map((e) => e.type)).toEqual(['A', 'B', 'C']);
  });

  it('reads only the events of a stream that mention a value at given payload paths', async () => {
    const about = (who: string, path: 'userId' | 'to') => ({
      ...event('X'),
      data: path === 'userId' ? { userId: who } : { to: { userId: who } },
    });
    await store.append(
      stream('m'),
      [about('ana', 'userId'), about('bo', 'userId'), about('ana', 'to'), event('Other')],
      'no_stream',
    );
    const found = await store.readStream(stream('m'), { mentioning: { paths: ['userId', 'to.userId'], value: 'ana' } });
    expect(found.map((e) => e.revision)).toEqual([0, 2]);
    expect(await store.readStream(stream('m'), { mentioning: { paths: ['userId'], value: 'nobody' } })).toEqual([]);
  });

  it('reads $all in log order across streams, exclusive of `after`, with a limit', async () => {
    await store.append(stream('a'), [event('A1')], 'no_stream');
    await store.append(stream('b'), [event('B1')], 'no_stream');
    await store.append(stream('a'), [event('A2')], 0);
    const all = await readAllOurs();
    expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'A2']);
    const after = ours(await store.readAll({ after: all[0]!.position, limit: 100_000 }));
    expect(after.map((e) => e.type)).toEqual(['B1', 'A2']);
    const limited = await store.readAll({ after: all[0]!.position, limit: 1 });
    expect(limited).toHaveLength(1);
    expect(limited[0]!.id).toBe(all[1]!.id);
    expect(await store.headPosition()).toBe(all[2]!.position);
  });

  it('subscribes: catches up from a position, then delivers new events live, until stopped', async () => {
    await store.append(stream('s'), [event('Old1')], 'no_stream');
    await store.append(stream('s'), [event('Old2')], 0);
    const [first] = await readAllOurs();
    const seen: string[] = [];
    let notify: () => void = () => undefined;
    const subscription = store.subscribeToAll(
      async (batch) => {
        seen.push(...ours([...batch]).map((e) => e.type));
        notify();
      },
      { after: first!.position },
    );
    const waitFor = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`saw only ${seen.join(',')}`)), 10_000);
        const check = () => seen.length >= count && (clearTimeout(timer), resolve());
        notify = check;
        check();
      });
    await waitFor(1);
    await store.append(stream('s'), [event('Live')], 1);
    await waitFor(2);
    await subscription.stop();
    await store.append(stream('s'), [event('AfterStop')], 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual(['Old2', 'Live']);
  });
  it('catches up in batches of thousands of events, not tens', async () => {
    const total = 6000;
    await store.append(stream('c'), [event('Start')], 'no_stream');
    for (let revision = 0; revision < total; revision += 500) {
      await store.append(
        stream('c'),
        Array.from({ length: 500 }, (_, i) => event('Bulk', undefined, revision + i)),
        revision,
      );
    }
    const [start] = await readAllOurs();
    const sizes: number[] = [];
    let count = 0;
    let done: () => void = () => undefined;
    const caughtUp = new Promise<void>((resolve) => (done = resolve));
    const subscription = store.subscribeToAll(
      async (batch) => {
        const mine = ours([...batch]);
        if (mine.length > 0) sizes.push(mine.length);
        count += mine.length;
        if (count >= total) done();
      },
      { after: start!.position },
    );
    await caughtUp;
    await subscription.stop();
    expect(count).toBe(total);
    // 1,000 per batch on SQLite (catch-up yields to HTTP between batches), 5,000 on EventStoreDB; a
    // 16-event stream buffer would have taken about 200 batches.
    expect(sizes.length).toBeLessThanOrEqual(7);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(1000);
  }, 120_000);
}
