import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_STORE, type DocumentStore } from '#read-store';
import { type CompanyTokenDocument, PARTNER_COLLECTIONS as C } from '../projections/read-models.js';

/** Which location a company token opens, by the token's digest (unique index); the enterprise decides whether it still does. */
@Injectable()
export class CompanyTokenDirectory {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  async locationOf(companyTokenDigest: string): Promise<{ enterpriseId: string; locationId: string } | undefined> {
    const found = await this.store.collection<CompanyTokenDocument>(C.companyTokens).findOne({ companyTokenDigest });
    return found ? { enterpriseId: found.enterpriseId, locationId: found.locationId } : undefined;
  }
}
