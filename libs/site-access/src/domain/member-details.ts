import type { Change, MemberDetails } from './site.events.js';

/** The details a manager may edit, in the order the audit trail lists their changes. */
export const MEMBER_DETAIL_FIELDS = ['firstName', 'lastName', 'email', 'telephone'] as const;

/** A member's editable details as they stand (no telephone key when none is known). */
export function detailsOf(member: MemberDetails): MemberDetails {
  const { firstName, lastName, email, telephone } = member;
  return { firstName, lastName, email, ...(telephone !== undefined ? { telephone } : {}) };
}

/** The details after an edit: the fields sent replace theirs, the others stay. */
export function editedDetails(before: MemberDetails, edit: Partial<MemberDetails>): MemberDetails {
  const sent = Object.fromEntries(MEMBER_DETAIL_FIELDS.flatMap((f) => (edit[f] !== undefined ? [[f, edit[f]]] : [])));
  return detailsOf({ ...before, ...sent });
}

/** Field-by-field before/after, as contacts record theirs (`null` for a telephone not known before). */
export function memberDetailsChanges(before: MemberDetails, after: MemberDetails): Change[] {
  return MEMBER_DETAIL_FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({
    field,
    from: before[field] ?? null,
    to: after[field] ?? null,
  }));
}
