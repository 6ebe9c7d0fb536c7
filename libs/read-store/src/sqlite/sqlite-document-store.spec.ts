import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentStoreContract } from '../testing/document-store.contract.js';
import { SqliteDocumentStore } from './sqlite-document-store.js';

describe('DocumentStore contract: SQLite in memory', () => {
  documentStoreContract(async () => new SqliteDocumentStore(':memory:'));
});

describe('DocumentStore contract: SQLite file', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sqlite-read-store-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  documentStoreContract(async () => new SqliteDocumentStore(join(dir, 'read-models.sqlite')));
});
