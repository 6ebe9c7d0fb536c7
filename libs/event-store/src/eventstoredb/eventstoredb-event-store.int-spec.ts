import { eventStoreContract } from '../testing/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

const url = process.env.EVENTSTORE_URL;
if (!url) process.stderr.write(`\nSKIPPED: EventStore contract on EventStoreDB (set EVENTSTORE_URL=esdb://localhost:2113?tls=false to run it)\n\n`);

(url ? describe : describe.skip)('EventStore contract: EventStoreDB (needs EVENTSTORE_URL)', () => {
  eventStoreContract(async () => new EventStoreDbEventStore(url!));
});
