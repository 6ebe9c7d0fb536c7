import { documentStoreContract } from '../testing/document-store.contract.js';
import { MongoDocumentStore } from './mongo-document-store.js';

const url = process.env.MONGODB_URL;
if (!url) console.warn('SKIPPED: DocumentStore contract on MongoDB (set MONGODB_URL=mongodb://localhost:27017 to run it)');

(url ? describe : describe.skip)('DocumentStore contract: MongoDB (needs MONGODB_URL)', () => {
  documentStoreContract(() => MongoDocumentStore.connect(url!, 'contract_tests'));
});
