import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../../auth/src/index.js';
import { type Filter, DOCUMENT_STORE, type DocumentStore } from '../../../read-store/src/index.js';
import { locationsManagedBy } from '../../../partner-profile/src/index.js';
import { sitesAdministeredBy, sitesWithContactView } from '../../../site-access/src/index.js';

/**
 * Which audit entries a caller may read: auditors and operators all; administrators those of the
 * sites and locations they administer, plus their own actions; nobody else any (api.md).
 */
@Injectable()
export class AuditVisibility {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  /** A filter limiting entries to what the caller may see, `{}` for everything, or undefined for nothing. */
  async filterFor(principal: Principal, includeOwnActions = false): Promise<Filter | undefined> {
    if (principal.roles.includes('auditor') || principal.roles.includes('operator')) return {};
    const [sites, locations] = await Promise.all([sitesAdministeredBy(this.store, principal.userId), locationsManagedBy(this.store, principal.userId)]);
    const scopes: Filter[] = [
      ...(sites.length > 0 ? [{ 'scope.siteId': { $in: sites } }] : []),
      ...(locations.length > 0 ? [{ 'scope.locationId': { $in: locations } }] : []),
      ...(includeOwnActions ? [{ actorId: principal.userId }] : []),
    ];
    return scopes.length === 0 ? undefined : { $or: scopes };
  }

  /** Whether the caller may see contact details in entries of a site; auditors and operators everywhere. */
  async contactViewer(principal: Principal): Promise<(siteId: string | undefined) => boolean> {
    if (principal.roles.includes('auditor') || principal.roles.includes('operator')) return () => true;
    const sites = new Set(await sitesWithContactView(this.store, principal.userId));
    return (siteId) => siteId !== undefined && sites.has(siteId);
  }
}
