import type { ContactType } from './contact.js';

/** Someone who receives a kind of site correspondence. */
export interface Recipient {
  readonly contactId: string | null;
  readonly userId?: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

export interface Recipients {
  readonly recipients: Recipient[];
  /** `primary_contact` when no contact has the type and the primary contact receives it instead. */
  readonly fallback: 'primary_contact' | null;
}

type ContactLike = Recipient & { readonly contactId: string; readonly contactTypes: readonly ContactType[] };
type PrimaryLike = {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
};

const asRecipient = ({ contactId, userId, firstName, lastName, email }: ContactLike | Recipient): Recipient => ({
  contactId,
  ...(userId !== undefined ? { userId } : {}),
  firstName,
  lastName,
  email,
});

/**
 * Contact types drive who receives what: the contacts of `type` (by contact id), or, when none has
 * it, the primary contact — their contact record when they have one, else the primary member.
 */
export function recipientsOf(
  type: ContactType,
  contacts: readonly ContactLike[],
  primary: PrimaryLike | null,
): Recipients {
  const ofType = contacts
    .filter((c) => c.contactTypes.includes(type))
    .sort((a, b) => a.contactId.localeCompare(b.contactId))
    .map(asRecipient);
  if (ofType.length > 0) return { recipients: ofType, fallback: null };
  if (!primary) return { recipients: [], fallback: 'primary_contact' };
  const own = contacts
    .filter((c) => c.userId === primary.userId)
    .sort((a, b) => a.contactId.localeCompare(b.contactId))[0];
  return {
    recipients: [own ? asRecipient(own) : asRecipient({ contactId: null, ...primary })],
    fallback: 'primary_contact',
  };
}
