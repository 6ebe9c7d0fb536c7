import { Inject, Injectable } from '@nestjs/common';
import { type Principal, actorOf } from '#auth';
import { forbidden, notFound } from '#core';
import { DOCUMENT_STORE, type DocumentStore } from '#read-store';
import { type SitePermission, sitePermissions } from '../domain/site.permissions.js';
import { SITE_COLLECTIONS as C, type MemberDocument, memberKey } from '../projections/read-models.js';

/** Read authorisation from the read models (allowed for reads; writes decide on the aggregate). */
@Injectable()
export class SiteReadAccess {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  /** Throws 404 for an unknown site and 403 when none of `permissions` (or `alsoAllow`) lets the caller in. */
  async require(siteId: string, principal: Principal, permissions: SitePermission[], alsoAllow = false): Promise<void> {
    if (!(await this.store.collection(C.summaries).findOne({ _id: siteId }, { projection: { _id: 1 } }))) {
      throw notFound(`Site ${siteId} does not exist.`);
    }
    if (alsoAllow) return;
    const standing = await this.store
      .collection<MemberDocument>(C.members)
      .findOne({ _id: memberKey(siteId, principal.userId) });
    const actor = actorOf(principal);
    if (!permissions.some((p) => sitePermissions[p](actor, standing ?? undefined))) {
      throw forbidden(`You may not see this on site ${siteId}.`);
    }
  }
}
