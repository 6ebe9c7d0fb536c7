import type { DocumentStore } from '#read-store';
import { type SitePermission, sitesGranting } from '../domain/site.permissions.js';
import { SITE_COLLECTIONS as C, type MemberDocument } from '../projections/read-models.js';

/** Sites where this person's membership grants `permission`: `viewUsers` (audit scope), `viewContacts` (contact details). */
export async function sitesWhere(store: DocumentStore, userId: string, permission: SitePermission): Promise<string[]> {
  return sitesGranting(permission, userId, await store.collection<MemberDocument>(C.members).find({ userId }));
}
