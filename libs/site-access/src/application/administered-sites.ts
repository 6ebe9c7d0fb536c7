import type { DocumentStore } from '../../../read-store/src/index.js';
import { sitePermissions } from '../domain/site.permissions.js';
import { SITE_COLLECTIONS as C, type MemberDocument } from '../projections/read-models.js';

/** Sites whose access records this person may read as an administrator (primary, or secondary with manageAccess ≥ view). */
export async function sitesAdministeredBy(store: DocumentStore, userId: string): Promise<string[]> {
  const memberships = await store.collection<MemberDocument>(C.members).find({ userId });
  const actor = { userId, operator: false, auditor: false };
  return memberships.filter((m) => sitePermissions.viewUsers(actor, m)).map((m) => m.siteId);
}
