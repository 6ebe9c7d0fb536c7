import { documentStoreContract } from '../testing/document-store.contract.js';
import { MongoDocumentStore } from './mongo-document-store.js';

const url = process.env.MONGODB_URL;
if (!url)
  process.stderr.write(
    `\nSKIPPED: DocumentStore contract on MongoDB (set MONGODB_URL=mongodb://localhost:27017 to run it)\n\n`,
  );

(url ? describe : describe.skip)('DocumentStore contract: MongoDB (needs MONGODB_URL)', () => {
  // transaction is a pass-through until MongoDB sessions are wired: not atomic.
  documentStoreContract(() => MongoDocumentStore.connect(url!, 'contract_tests'), { atomicTransactions: false });
});
