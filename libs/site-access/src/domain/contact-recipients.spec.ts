import type { ContactType } from './contact.js';
import { recipientsOf } from './contact-recipients.js';

describe('recipientsOf: contact types drive who receives what', () => {
  const contact = (contactId: string, contactTypes: ContactType[], userId?: string) => ({
    contactId,
    ...(userId ? { userId } : {}),
    firstName: contactId,
    lastName: 'Contact',
    email: `${contactId}@example.com`,
    contactTypes,
  });
  const pat = { userId: 'pat@example.com', firstName: 'Pat', lastName: 'Primary', email: 'pat@example.com' };
  const contacts = [
    contact('c-pat', ['administrative'], 'pat@example.com'),
    contact('z-bill', ['billing', 'renewal']),
    contact('a-bill', ['billing']),
  ];

  it('answers the contacts of the type, by contact id, without a fallback', () => {
    expect(recipientsOf('billing', contacts, pat)).toEqual({
      fallback: null,
      recipients: [
        { contactId: 'a-bill', firstName: 'a-bill', lastName: 'Contact', email: 'a-bill@example.com' },
        { contactId: 'z-bill', firstName: 'z-bill', lastName: 'Contact', email: 'z-bill@example.com' },
      ],
    });
  });

  it("falls back to the primary contact's own contact record when no contact has the type", () => {
    expect(recipientsOf('media_shipping', contacts, pat)).toEqual({
      fallback: 'primary_contact',
      recipients: [
        {
          contactId: 'c-pat',
          userId: 'pat@example.com',
          firstName: 'c-pat',
          lastName: 'Contact',
          email: 'c-pat@example.com',
        },
      ],
    });
  });

  it('falls back to the primary member when they have no contact record, and says so', () => {
    expect(recipientsOf('renewal', [contact('a-bill', ['billing'])], pat)).toEqual({
      fallback: 'primary_contact',
      recipients: [{ contactId: null, ...pat }],
    });
    expect(recipientsOf('renewal', [], null)).toEqual({ fallback: 'primary_contact', recipients: [] });
  });
});
