import { Inject, Injectable } from '@nestjs/common';
import { type Principal, actorOf } from '#auth';
import { type DomainError, DomainErrorWithExtensions, forbidden, notFound } from '#core';
import { DOCUMENT_STORE, type DocumentStore } from '#read-store';
import {
  type CallerSitePermissions,
  type SitePermission,
  callerSitePermissions,
  sitePermissions,
} from '../domain/site.permissions.js';
import {
  type AccessRequestDocument,
  SITE_COLLECTIONS as C,
  type MemberDocument,
  memberKey,
} from '../projections/read-models.js';

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
    const standing = await this.standingOf(siteId, principal);
    const actor = actorOf(principal);
    if (!permissions.some((p) => sitePermissions[p](actor, standing))) {
      if (!standing && !actor.operator && !actor.auditor) throw await this.strangerRefused(siteId, actor.userId);
      throw forbidden(`You may not see this on site ${siteId}.`);
    }
  }

  /** Whether the caller holds one of `permissions` on the site (for what a read shows, after `require` let them in). */
  async may(siteId: string, principal: Principal, permissions: SitePermission[]): Promise<boolean> {
    const standing = await this.standingOf(siteId, principal);
    const actor = actorOf(principal);
    return permissions.some((p) => sitePermissions[p](actor, standing));
  }

  /** What the caller may do on the site (the flags `GET /v1/sites/{siteId}` answers), from the same rules. */
  async callerPermissions(siteId: string, principal: Principal): Promise<CallerSitePermissions> {
    const standing = await this.standingOf(siteId, principal);
    return callerSitePermissions(actorOf(principal), standing);
  }

  /** The caller's membership of the site (role and privileges), or undefined. */
  private async standingOf(siteId: string, principal: Principal): Promise<MemberDocument | undefined> {
    const member = await this.store
      .collection<MemberDocument>(C.members)
      .findOne({ _id: memberKey(siteId, principal.userId) });
    return member ?? undefined;
  }

  /**
   * A signed-in person who is not a member learns they may ask for access, and how (or that their
   * request is pending) — nothing about the site itself.
   */
  private async strangerRefused(siteId: string, userId: string): Promise<DomainError> {
    const pending = await this.store
      .collection<AccessRequestDocument>(C.requests)
      .findOne({ userId, siteId, status: 'pending' }, { projection: { requestId: 1 } });
    if (pending) {
      return new DomainErrorWithExtensions(
        'FORBIDDEN',
        `You are not a member of site ${siteId}; your access request is pending.`,
        { canRequestAccess: false, pendingRequestId: pending.requestId },
      );
    }
    return new DomainErrorWithExtensions(
      'FORBIDDEN',
      `You are not a member of site ${siteId}. You may request access.`,
      { canRequestAccess: true, requestAccess: { method: 'POST', path: `/v1/sites/${siteId}/access-requests` } },
    );
  }
}
