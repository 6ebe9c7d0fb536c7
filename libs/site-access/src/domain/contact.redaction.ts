import type { SitePermission } from './site.permissions.js';

export const REDACTED = '(redacted)';

/**
 * Contact details in audit changes: changes about a contact are named `contact(<id>)...` (see
 * describeSiteEvent), and a member's telephone (MemberDetailsChanged) is one too.
 */
export const isContactChange = (field: string): boolean => field.startsWith('contact(') || field === 'telephone';

/**
 * A site event as someone without contact rights may see it: the contact's personal details
 * (names, e-mail, telephone, address) replaced, its id and types kept so the record still reads.
 */
export function withoutContactDetails(event: { type: string; data: Record<string, unknown> }): {
  type: string;
  data: Record<string, unknown>;
} {
  const withoutTelephones = withoutMemberTelephones(event.data);
  const contact = event.data.contact as { contactId?: string; contactTypes?: unknown } | undefined;
  if (!contact || typeof contact !== 'object')
    return withoutTelephones === event.data ? event : { type: event.type, data: withoutTelephones };
  const data: Record<string, unknown> = {
    ...withoutTelephones,
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

/** A member's telephone (UserAdded, MemberDetailsChanged: in the data, its before/after and its changes) as `(redacted)`. */
function withoutMemberTelephones(data: Record<string, unknown>): Record<string, unknown> {
  const holds = (value: unknown): value is object => !!value && typeof value === 'object' && 'telephone' in value;
  const changes = data.changes as { field: string }[] | undefined;
  const inChanges = Array.isArray(changes) && changes.some((c) => c.field === 'telephone');
  if (!('telephone' in data) && !holds(data.from) && !holds(data.to) && !inChanges) return data;
  const copy: Record<string, unknown> = { ...data };
  if ('telephone' in copy) copy.telephone = REDACTED;
  for (const side of ['from', 'to'] as const)
    if (holds(copy[side])) copy[side] = { ...copy[side], telephone: REDACTED };
  if (inChanges) copy.changes = withoutTelephoneChanges(changes);
  return copy;
}

/** A history or audit change list without telephone numbers (see TELEPHONE_VIEWERS). */
export function withoutTelephoneChanges<C extends { field: string }>(changes: readonly C[]): C[] {
  return changes.map((c) => (c.field === 'telephone' ? { ...c, from: REDACTED, to: REDACTED } : c));
}
