import { CONTACT_TYPES, type ContactType } from './contact.js';
import type { SiteRole } from './site.events.js';

export type SiteWarning = 'NO_SECONDARY_CONTACT' | `MISSING_CONTACT_TYPE:${ContactType}`;

/**
 * What a site lacks: no secondary contact (at least one is recommended), and each
 * contact type no contact covers, in the order of CONTACT_TYPES.
 */
export function siteWarnings(
  members: readonly { role: SiteRole }[],
  contacts: readonly { contactTypes: readonly ContactType[] }[],
): SiteWarning[] {
  const covered = new Set(contacts.flatMap((c) => c.contactTypes));
  return [
    ...(members.some((m) => m.role === 'secondary') ? [] : (['NO_SECONDARY_CONTACT'] as const)),
    ...CONTACT_TYPES.filter((t) => !covered.has(t)).map((t) => `MISSING_CONTACT_TYPE:${t}` as const),
  ];
}
