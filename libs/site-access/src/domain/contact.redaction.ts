import type { SitePermission } from './site.permissions.js';

export const REDACTED = '(redacted)';

/** Audit changes about a contact are named `contact(<id>)...` (see describeSiteEvent). */
export const isContactChange = (field: string): boolean => field.startsWith('contact(');

/**
 * A site event as someone without contact rights may see it: the contact's personal details
 * (names, e-mail, telephone, address) replaced, its id and types kept so the record still reads.
 */
export function withoutContactDetails(event: { type: string; data: Record<string, unknown> }): {
  type: string;
  data: Record<string, unknown>;
} {
  const contact = event.data.contact as { contactId?: string; contactTypes?: unknown } | undefined;
  if (!contact || typeof contact !== 'object') return event;
  const data: Record<string, unknown> = {
    ...event.data,
    contact: { contactId: contact.contactId, contactTypes: contact.contactTypes, details: REDACTED },
  };
  if (Array.isArray(event.data.changes))
    data.changes = (event.data.changes as { field: string }[]).map((c) => ({
      field: c.field,
      from: REDACTED,
      to: REDACTED,
    }));
  return { type: event.type, data };
}

/**
 * A member's telephone is a contact detail: besides the member, only those who may view contacts or
 * manage access (who edit it) see it; viewing users alone shows names, roles and privileges.
 */
export const TELEPHONE_VIEWERS: SitePermission[] = ['viewContacts', 'manageAccess'];

export function withoutTelephone<T extends { telephone?: string }>(member: T): T {
  const { telephone: _hidden, ...rest } = member;
  return rest as T;
}
