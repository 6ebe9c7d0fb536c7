import { type SiteEvent, siteEvents } from './site.events.js';
import { NONE } from '../testing/privilege-fixtures.js';

describe('siteEvents (the registry of site event types)', () => {
  const stored = (type: string, data: Record<string, unknown>) => ({ type, data });
  const nominatedBefore2026_12 = {
    siteId: '1001',
    requestId: 'r1',
    userId: 'nia@example.com',
    firstName: 'Nia',
    lastName: 'N',
    email: 'typed@elsewhere.example',
    businessJustification: 'Orders media',
  };

  it('reads a nomination stored before verified addresses existed with the address its user id is', () => {
    expect(siteEvents.read(stored('UserNominated', nominatedBefore2026_12))).toEqual({
      type: 'UserNominated',
      data: {
        ...nominatedBefore2026_12,
        verifiedEmail: 'nia@example.com',
        // and as asking for what every nomination asked for then: plain user access
        requestedRole: 'user',
        requestedPrivileges: NONE,
      },
    });
  });

  it('keeps what a recent nomination asked for', () => {
    const recent = {
      ...nominatedBefore2026_12,
      verifiedEmail: 'nia@corp.example',
      requestedRole: 'secondary',
      requestedPrivileges: { ...NONE, manageAccess: 'view' },
    };
    expect(siteEvents.read(stored('UserNominated', recent))?.data).toEqual(recent);
  });

  it('keeps a recorded verified address, and adds none for a user id that is not an address', () => {
    const recent = { ...nominatedBefore2026_12, verifiedEmail: 'nia@corp.example' };
    expect(siteEvents.read(stored('AccessGranted', recent))?.data).toEqual(recent);
    const opaque = { ...nominatedBefore2026_12, userId: 'u-42' };
    expect(siteEvents.read(stored('AccessDenied', opaque))?.data).toEqual(opaque);
  });

  it('knows every site event type and no other', () => {
    expect(siteEvents.types).toHaveLength(14);
    expect(siteEvents.has({ type: 'ContactReviewed' })).toBe(true);
    expect(siteEvents.has({ type: 'ContactRemoved' })).toBe(true);
    expect(siteEvents.read(stored('EnterpriseRegistered', {}))).toBeUndefined();
    const registered: SiteEvent['type'] = 'SiteRegistered';
    expect(siteEvents.read(stored(registered, { siteId: '1' }))).toEqual({
      type: 'SiteRegistered',
      data: { siteId: '1' },
    });
  });
});
