import { documentStoreContract } from '../testing/document-store.contract.js';
import { EmbeddedDocumentStore } from './embedded-document-store.js';

describe('DocumentStore contract: embedded (mingo)', () => {
  // Its transaction is a pass-through (a test double), so the rollback case does not apply.
  documentStoreContract(async () => new EmbeddedDocumentStore(), { atomicTransactions: false });
});
