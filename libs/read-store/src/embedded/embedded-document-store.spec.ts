import { documentStoreContract } from '../testing/document-store.contract.js';
import { EmbeddedDocumentStore } from './embedded-document-store.js';

describe('DocumentStore contract: embedded (mingo)', () => {
  documentStoreContract(async () => new EmbeddedDocumentStore());
});
