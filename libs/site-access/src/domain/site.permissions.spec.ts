import { fullPrivileges, normalizePrivileges } from './privileges.js';
import { sitesGranting } from './site.permissions.js';

describe('sitesGranting', () => {
  const at = (siteId: string, role: 'primary' | 'secondary' | 'user', privileges = normalizePrivileges()) => ({
    siteId,
    role,
    privileges,
  });
  const memberships = [
    at('1001', 'primary', fullPrivileges()),
    at('1002', 'secondary', normalizePrivileges({ manageAccess: 'view' })),
    at('1003', 'secondary', normalizePrivileges({ contactUpdates: 'update' })),
    at('1004', 'user'),
  ];

  it('lists the sites whose users the person may see: as primary, or as a secondary with manageAccess', () => {
    expect(sitesGranting('viewUsers', 'pat@example.com', memberships)).toEqual(['1001', '1002']);
  });

  it('lists the sites whose contacts the person may see: as primary, or as a secondary with contactUpdates', () => {
    expect(sitesGranting('viewContacts', 'pat@example.com', memberships)).toEqual(['1001', '1003']);
  });

  it('grants nothing from memberships as a plain user', () => {
    expect(sitesGranting('viewUsers', 'pat@example.com', [at('1004', 'user')])).toEqual([]);
  });
});
