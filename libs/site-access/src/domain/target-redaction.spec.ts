import { asSeenByTarget } from './target-redaction.js';

describe('asSeenByTarget (a confirmation as the person it is about sees it)', () => {
  const nina = { userId: 'nina@example.com', firstName: 'Nina', lastName: 'N', email: 'nina@mail.example' };
  const pat = { userId: 'pat@example.com', firstName: 'Pat', lastName: 'P', email: 'pat@example.com' };

  it('keeps their own data and who decided', () => {
    const granted = {
      type: 'AccessGranted',
      data: { ...nina, verifiedEmail: 'nina@example.com', siteId: '1001', role: 'user', grantedBy: 'pat@example.com' },
    };
    expect(asSeenByTarget(granted, 'nina@example.com')).toEqual(granted);
  });

  it("redacts every other person a payload names (a transfer's other party)", () => {
    const transfer = { type: 'PrimaryContactTransferred', data: { siteId: '1001', from: pat, to: nina } };
    expect(asSeenByTarget(transfer, 'nina@example.com').data).toEqual({
      siteId: '1001',
      from: { userId: '(redacted)', firstName: '(redacted)', lastName: '(redacted)', email: '(redacted)' },
      to: nina,
    });
  });

  it('redacts contact details, even of a contact that is the person', () => {
    const contact = {
      contactId: 'c1',
      ...nina,
      telephone: '+1',
      contactTypes: ['billing'],
    };
    const seen = asSeenByTarget({ type: 'ContactUpdated', data: { siteId: '1001', contact } }, 'nina@example.com');
    expect(JSON.stringify(seen)).not.toContain('nina@mail.example');
    expect(JSON.stringify(seen)).not.toContain('+1');
  });

  it("redacts a payload about someone else altogether (the person's own never is)", () => {
    const seen = asSeenByTarget({ type: 'UserAdded', data: { ...pat, siteId: '1001' } }, 'nina@example.com');
    expect(seen.data).toEqual({
      siteId: '1001',
      userId: '(redacted)',
      firstName: '(redacted)',
      lastName: '(redacted)',
      email: '(redacted)',
    });
  });
});
