import {
  type SiteAdministrator,
  addressOf,
  approversOf,
  contactReviewersOf,
  contactsDueForReview,
  monthOf,
  nextMonthStart,
  receivesOptional,
  reminderDueAt,
} from './notification-audience.js';

describe('notification audience: who is told what, and where', () => {
  const admins: SiteAdministrator[] = [
    { userId: 'pat', role: 'primary', manageAccess: 'update', contactUpdates: 'update' },
    { userId: 'sam', role: 'secondary', manageAccess: 'update', contactUpdates: 'none' },
    { userId: 'vic', role: 'secondary', manageAccess: 'view', contactUpdates: 'update' },
    { userId: 'val', role: 'secondary', manageAccess: 'view', contactUpdates: 'view' },
  ];

  it('asks the primary and the secondaries with manageAccess=update to decide requests', () => {
    expect(approversOf(admins)).toEqual(['pat', 'sam']);
  });

  it('asks the primary and the secondaries with contactUpdates=update to review contacts', () => {
    expect(contactReviewersOf(admins)).toEqual(['pat', 'vic']);
  });

  it("mails a person's own eNotification address, else their sign-in id when it is an address, else nobody", () => {
    expect(addressOf('uma@example.com', { email: 'uma.alerts@example.com' })).toBe('uma.alerts@example.com');
    expect(addressOf('uma@example.com', undefined)).toBe('uma@example.com');
    expect(addressOf('uma@example.com', { subscribed: false })).toBe('uma@example.com');
    expect(addressOf('u-42', undefined)).toBeNull();
  });

  it('sends optional e-mails unless the person unsubscribed', () => {
    expect(receivesOptional(undefined)).toBe(true);
    expect(receivesOptional({ email: 'a@example.com' })).toBe(true);
    expect(receivesOptional({ subscribed: true })).toBe(true);
    expect(receivesOptional({ subscribed: false })).toBe(false);
  });

  it('reminds 7 days after the request; reviews monthly from the first of the next UTC month', () => {
    expect(reminderDueAt('2026-03-01T10:00:00.000Z')).toBe('2026-03-08T10:00:00.000Z');
    expect(monthOf('2026-12-31T23:59:59.999Z')).toBe('2026-12');
    expect(nextMonthStart('2026-12-02T15:00:00.000Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(nextMonthStart('2027-01-01T00:00:00.000Z')).toBe('2027-02-01T00:00:00.000Z');
  });

  it('lists the contacts neither reviewed nor changed in the 30 days before the review, by id', () => {
    const at = '2026-04-01T00:00:00.000Z';
    const contacts = [
      { contactId: 'z-old', contactTypes: [], changedAt: '2026-01-01T00:00:00.000Z' },
      {
        contactId: 'a-reviewed-long-ago',
        contactTypes: [],
        changedAt: '2026-01-01T00:00:00.000Z',
        reviewedAt: '2026-03-01T00:00:00.000Z',
      },
      {
        contactId: 'recently-reviewed',
        contactTypes: [],
        changedAt: '2026-01-01T00:00:00.000Z',
        reviewedAt: '2026-03-15T00:00:00.000Z',
      },
      { contactId: 'recently-changed', contactTypes: [], changedAt: '2026-03-20T00:00:00.000Z' },
      { contactId: 'exactly-30-days', contactTypes: [], changedAt: '2026-03-02T00:00:00.000Z' },
    ] as const;
    expect(contactsDueForReview(contacts, at).map((c) => c.contactId)).toEqual([
      'a-reviewed-long-ago',
      'exactly-30-days',
      'z-old',
    ]);
  });
});
