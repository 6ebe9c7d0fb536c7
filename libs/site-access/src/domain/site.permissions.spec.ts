import { fullPrivileges, normalizePrivileges } from './privileges.js';
import { callerSitePermissions, mayCommand, sitePermissions, sitesGranting } from './site.permissions.js';

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

describe('callerSitePermissions (what GET /v1/sites/{siteId} advertises)', () => {
  const actor = (roles: { operator?: boolean; auditor?: boolean } = {}) => ({
    userId: 'ana@example.com',
    operator: roles.operator ?? false,
    auditor: roles.auditor ?? false,
  });
  const secondary = (privileges: Parameters<typeof normalizePrivileges>[0]) => ({
    role: 'secondary' as const,
    privileges: normalizePrivileges(privileges),
  });
  const none = {
    viewUsers: false,
    manageUsers: false,
    viewContacts: false,
    updateContacts: false,
    transferPrimary: false,
  };

  it('gives the primary and operators everything', () => {
    const all = { viewUsers: true, manageUsers: true, viewContacts: true, updateContacts: true, transferPrimary: true };
    expect(callerSitePermissions(actor(), { role: 'primary', privileges: fullPrivileges() })).toEqual(all);
    expect(callerSitePermissions(actor({ operator: true }), undefined)).toEqual(all);
  });

  it('lets auditors read and change nothing, whatever else their token carries', () => {
    const reads = { ...none, viewUsers: true, viewContacts: true };
    expect(callerSitePermissions(actor({ auditor: true }), undefined)).toEqual(reads);
    expect(callerSitePermissions(actor({ operator: true, auditor: true }), undefined)).toEqual(reads);
    expect(callerSitePermissions(actor({ auditor: true }), { role: 'primary', privileges: fullPrivileges() })).toEqual(
      reads,
    );
  });

  it('follows a secondary’s Account Management levels', () => {
    expect(callerSitePermissions(actor(), secondary({ manageAccess: 'view' }))).toEqual({ ...none, viewUsers: true });
    expect(callerSitePermissions(actor(), secondary({ manageAccess: 'update' }))).toEqual({
      ...none,
      viewUsers: true,
      manageUsers: true,
    });
    expect(callerSitePermissions(actor(), secondary({ contactUpdates: 'view' }))).toEqual({
      ...none,
      viewContacts: true,
    });
    expect(callerSitePermissions(actor(), secondary({ contactUpdates: 'update' }))).toEqual({
      ...none,
      viewContacts: true,
      updateContacts: true,
    });
  });

  it('gives a plain user nothing, even holding levels only a secondary may hold (the role is checked)', () => {
    const levels = normalizePrivileges({ manageAccess: 'update', contactUpdates: 'update' });
    expect(callerSitePermissions(actor(), { role: 'user', privileges: levels })).toEqual(none);
    expect(callerSitePermissions(actor(), undefined)).toEqual(none);
  });

  it('mayCommand is the rule without auditors', () => {
    expect(mayCommand('manageAccess', actor({ operator: true }), undefined)).toBe(true);
    expect(mayCommand('manageAccess', actor({ operator: true, auditor: true }), undefined)).toBe(false);
    expect(sitePermissions.manageAccess(actor({ operator: true, auditor: true }), undefined)).toBe(true);
  });
});
