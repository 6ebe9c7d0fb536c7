export const CONTACT_TYPES = ['administrative', 'renewal', 'media_shipping', 'billing'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** A site contact; the first seven fields are mandatory. */
export interface ContactDetails {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly telephone: string;
  readonly address: string;
  readonly city: string;
  readonly postalCode: string;
  readonly stateProvince?: string;
  readonly country?: string;
}

export interface Contact extends ContactDetails {
  readonly contactId: string;
  readonly contactTypes: readonly ContactType[];
  /** The member this contact is, when it is one. */
  readonly userId?: string;
}

export const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'telephone',
  'address',
  'city',
  'postalCode',
  'stateProvince',
  'country',
  'contactTypes',
  'userId',
] as const;

/** Field-by-field before/after of two versions of a contact (contact types compared as sets). */
export function contactChanges(before: Contact | undefined, after: Contact) {
  return CONTACT_FIELDS.flatMap((field) => {
    const from = normalize(before?.[field]);
    const to = normalize(after[field]);
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, from: from ?? null, to: to ?? null }];
  });
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return [...value].sort();
  return value === '' ? undefined : value;
}
