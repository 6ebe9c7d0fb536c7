import type { DocumentStore } from '../../../read-store/src/index.js';
import { sitePermissions } from '../domain/site.permissions.js';
import { SITE_COLLECTIONS as C, type MemberDocument } from '../projections/read-models.js';

export const REDACTED = '(redacted)';

/** Sites whose contacts this person may read (primary, or secondary with contactUpdates ≥ view). */
export async function sitesWithContactView(store: DocumentStore, userId: string): Promise<string[]> {
  const memberships = await store.collection<MemberDocument>(C.members).find({ userId });
  const actor = { userId, operator: false, auditor: false };
  return memberships.filter((m) => sitePermissions.viewContacts(actor, m)).map((m) => m.siteId);
}

/** Audit changes about a contact are named `contact(<id>)...` (see site.audit.ts). */
export const isContactChange = (field: string): boolean => field.startsWith('contact(');

/**
 * A site event as someone without contact rights may see it: the contact's personal details
 * (names, e-mail, telephone, address) replaced, its id and types kept so the record still reads.
 */
export function withoutContactDetails(event: { type: string; data: Record<string, unknown> }): { type: string; data: Record<string, unknown> } {
  const contact = event.data.contact as { contactId?: string; contactTypes?: unknown } | undefined;
  if (!contact || typeof contact !== 'object') return event;
  const data: Record<string, unknown> = { ...event.data, contact: { contactId: contact.contactId, contactTypes: contact.contactTypes, details: REDACTED } };
  if (Array.isArray(event.data.changes)) data.changes = (event.data.changes as { field: string }[]).map((c) => ({ field: c.field, from: REDACTED, to: REDACTED }));
  return { type: event.type, data };
}
