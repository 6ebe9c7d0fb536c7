import type { AccessRole, Tci } from './access-roles.js';
import { complianceSummary, mayReadComplianceSummary } from './enterprise.compliance.js';

const person = { userId: 'dee@example.com', auditor: false, operator: false };
const NO_TCI: Tci = { businessContact: false, secondaryBusinessContact: false };

describe('mayReadComplianceSummary', () => {
  it.each<[AccessRole | undefined, boolean]>([
    ['distributor', true],
    ['distributor_pi', true],
    ['personal_update', false],
    ['view_only', false],
    [undefined, false],
  ])('an employee with role %s out of management: %s', (role, expected) => {
    expect(mayReadComplianceSummary(person, false, role)).toBe(expected);
  });

  it('lets PRC/APA in scope, auditors and operators read it', () => {
    expect(mayReadComplianceSummary(person, true, undefined)).toBe(true);
    expect(mayReadComplianceSummary({ ...person, auditor: true }, false)).toBe(true);
    expect(mayReadComplianceSummary({ ...person, operator: true }, false)).toBe(true);
  });
});

describe('complianceSummary', () => {
  const location = { locationId: 'l1', partnerTier: 2 as const, region: 'north_america' as const, prcUserId: 'pat' };

  it('counts employees by access role and says which TCI contacts exist, with no personal data', () => {
    const summary = complianceSummary(location, [
      { accessRole: 'prc', tci: NO_TCI },
      { accessRole: 'apa', tci: { businessContact: true, secondaryBusinessContact: false } },
      { accessRole: 'personal_update', tci: NO_TCI },
      { accessRole: 'personal_update', tci: NO_TCI },
      { accessRole: 'distributor', tci: NO_TCI },
    ]);
    expect(summary).toEqual({
      locationId: 'l1',
      partnerTier: 2,
      region: 'north_america',
      prcAssigned: true,
      employees: 5,
      employeesByAccessRole: {
        prc: 1,
        apa: 1,
        distributor: 1,
        distributor_pi: 0,
        personal_update: 2,
        view_only: 0,
      },
      tciContacts: { businessContact: true, secondaryBusinessContact: false },
    });
    expect(JSON.stringify(summary)).not.toContain('pat');
  });

  it('says when the PRC is missing', () => {
    expect(complianceSummary({ ...location, prcUserId: null }, []).prcAssigned).toBe(false);
  });
});
