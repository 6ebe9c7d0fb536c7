import { REDACTED, isContactChange, withoutContactDetails } from './contact.redaction.js';

describe('contact redaction', () => {
  const contact = {
    contactId: 'c-1',
    contactTypes: ['billing'],
    firstName: 'Pat',
    lastName: 'P',
    email: 'pat@example.com',
    telephone: '1',
    address: 'a',
    city: 'c',
    postalCode: '1',
  };

  it('replaces a contact’s personal details and every change of them, keeping its id and types', () => {
    const event = {
      type: 'ContactUpdated',
      data: {
        siteId: '1001',
        contactId: 'c-1',
        contact,
        changes: [{ field: 'email', from: 'old@example.com', to: 'pat@example.com' }],
        updatedBy: 'op',
      },
    };
    expect(withoutContactDetails(event)).toEqual({
      type: 'ContactUpdated',
      data: {
        siteId: '1001',
        contactId: 'c-1',
        contact: { contactId: 'c-1', contactTypes: ['billing'], details: REDACTED },
        changes: [{ field: 'email', from: REDACTED, to: REDACTED }],
        updatedBy: 'op',
      },
    });
    expect(event.data.contact.email).toBe('pat@example.com'); // the stored event is left as it was
  });

  it('leaves an event without a contact as it is', () => {
    const event = {
      type: 'RoleChanged',
      data: { siteId: '1001', userId: 'kim@example.com', from: 'user', to: 'secondary' },
    };
    expect(withoutContactDetails(event)).toBe(event);
  });

  it('recognises the audit changes that concern a contact', () => {
    expect(isContactChange('contact(c-1).email')).toBe(true);
    expect(isContactChange('contact(c-1)')).toBe(true);
    expect(isContactChange('role')).toBe(false);
  });
});
