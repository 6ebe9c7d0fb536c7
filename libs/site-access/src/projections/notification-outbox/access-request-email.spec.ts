import { normalizePrivileges } from '../../domain/privileges.js';
import { accessRequestEmail } from './access-request-email.js';

const request = {
  siteId: '1001',
  requestId: 'r-1',
  userId: 'nia@example.com',
  businessJustification: 'I order media',
  requestedAt: '2026-03-01T00:00:00.000Z',
  confirmationNumber: 'A1B2-C3D4',
};

describe('accessRequestEmail', () => {
  it('says what the nomination asks for: the role and every privilege above none', () => {
    const mail = accessRequestEmail(
      {
        ...request,
        requestedRole: 'secondary',
        requestedPrivileges: normalizePrivileges({ softwareAccess: 'downloads', manageAccess: 'view' }),
      },
      'Munich',
    );
    expect(mail.body).toContain(
      'nia@example.com asks for access to site 1001 (Munich) as secondary, with softwareAccess=downloads, manageAccess=view.',
    );
  });

  it('says "no privileges" for a bare request, and only "access" for an outbox document older than requested access', () => {
    const bare = accessRequestEmail(
      { ...request, requestedRole: 'user', requestedPrivileges: normalizePrivileges() },
      'M',
    );
    expect(bare.body).toContain('asks for access to site 1001 (M) as user, with no privileges.');
    expect(accessRequestEmail(request, 'M').body).toContain('asks for access to site 1001 (M).\n');
  });
});
