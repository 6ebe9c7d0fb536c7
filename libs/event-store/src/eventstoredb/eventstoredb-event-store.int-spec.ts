import { randomUUID } from 'node:crypto';
import { type NewEvent, WrongExpectedRevisionError } from '#core';
import { eventStoreContract } from '../testing/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { TEST_METADATA } from '#core/testing/test-metadata';

const url = process.env.EVENTSTORE_URL;
if (!url)
  process.stderr.write(
    `\nSKIPPED: EventStore contract on EventStoreDB (set EVENTSTORE_URL=kurrentdb://localhost:2113?tls=false to run it)\n\n`,
  );

(url ? describe : describe.skip)('EventStore contract: EventStoreDB (needs EVENTSTORE_URL)', () => {
  eventStoreContract(async () => new EventStoreDbEventStore(url!));

  it('reports a wrong-version append as a conflict even with throwOnAppendFailure=false', async () => {
    const store = new EventStoreDbEventStore(`${url}${url!.includes('?') ? '&' : '?'}throwOnAppendFailure=false`);
    try {
      const stream = `nothrow${randomUUID().replace(/-/g, '').slice(0, 12)}-1`;
      const event = (type: string): NewEvent => ({
        id: randomUUID(),
        type,
        data: {},
        metadata: TEST_METADATA,
      });
      await store.append(stream, [event('Opened'), event('Changed')], 'no_stream');
      await expect(store.append(stream, [event('Stale')], 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(stream, [event('Again')], 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Opened', 'Changed']);
    } finally {
      await store.close();
    }
  });
});
