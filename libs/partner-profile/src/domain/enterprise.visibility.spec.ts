import type { AccessRole } from './access-roles.js';
import {
  type EmployeeListView,
  type Viewer,
  employeeAsSeen,
  employeeListView,
  employeeRef,
  locationAsSeen,
  locationDetail,
  maySeeEnterprise,
  maySeeTokenRotation,
} from './enterprise.visibility.js';

const person: Viewer = { userId: 'eve@example.com', auditor: false, operator: false };
const auditor: Viewer = { ...person, auditor: true };
const operator: Viewer = { ...person, operator: true };

describe('maySeeEnterprise', () => {
  it('lets employees, auditors and operators see the hierarchy, nobody else', () => {
    expect(maySeeEnterprise(person, 1)).toBe(true);
    expect(maySeeEnterprise(auditor, 0)).toBe(true);
    expect(maySeeEnterprise(operator, 0)).toBe(true);
    expect(maySeeEnterprise(person, 0)).toBe(false);
  });
});

describe('employeeListView', () => {
  // A PRC or APA of the location manages it (managesLocation decides that), so their rows are below.
  it.each<[AccessRole | undefined, EmployeeListView | undefined]>([
    ['distributor_pi', 'everything'],
    ['distributor', 'names_and_roles'],
    ['view_only', 'names_and_roles'],
    ['personal_update', 'own_record'],
    [undefined, undefined],
  ])('an employee with role %s who does not manage the location sees %s', (role, view) => {
    expect(employeeListView(person, false, role)).toBe(view);
  });

  it('gives whoever manages the location in scope everything, whatever their role here', () => {
    expect(employeeListView(person, true, undefined)).toBe('everything');
    expect(employeeListView(person, true, 'personal_update')).toBe('everything');
  });

  it('gives auditors everything without an employment, and operators nothing', () => {
    expect(employeeListView(auditor, false, undefined)).toBe('everything');
    expect(employeeListView(operator, false, undefined)).toBeUndefined();
  });
});

describe('employeeAsSeen', () => {
  const colleague = {
    userId: 'kim@example.com',
    employeeRef: 'emp_kim',
    firstName: 'Kim',
    lastName: 'K',
    email: 'kim@example.com',
    telephone: '1',
    accessRole: 'apa' as AccessRole,
    tci: { businessContact: true, secondaryBusinessContact: false },
  };
  const self = { ...colleague, userId: person.userId, email: person.userId };

  it('shows only names and roles of others to a names-and-roles viewer', () => {
    expect(employeeAsSeen('names_and_roles', person, colleague)).toEqual({
      employeeRef: 'emp_kim',
      firstName: 'Kim',
      lastName: 'K',
      accessRole: 'apa',
    });
  });

  it('shows the viewer their own record in full', () => {
    expect(employeeAsSeen('names_and_roles', person, self)).toBe(self);
  });

  it('shows every record in full to the other views', () => {
    expect(employeeAsSeen('everything', person, colleague)).toBe(colleague);
    expect(employeeAsSeen('own_record', person, self)).toBe(self);
  });
});

describe('employeeRef', () => {
  it('is stable for one employment and differs by person, location and join; it does not contain the user id', () => {
    const ref = employeeRef('l1', 'kim@example.com', 'AAAA-BBBB-CCCC');
    expect(ref).toMatch(/^emp_[0-9a-f]{24}$/);
    expect(employeeRef('l1', 'kim@example.com', 'AAAA-BBBB-CCCC')).toBe(ref);
    expect(
      new Set([
        ref,
        employeeRef('l1', 'lee@example.com', 'AAAA-BBBB-CCCC'),
        employeeRef('l2', 'kim@example.com', 'AAAA-BBBB-CCCC'),
        employeeRef('l1', 'kim@example.com', 'DDDD-EEEE-FFFF'),
      ]).size,
    ).toBe(4);
    expect(ref).not.toContain('kim');
  });
});

describe('locationDetail and locationAsSeen', () => {
  const location = {
    locationId: 'l1',
    name: 'Acme HQ',
    address: '1 Main St',
    city: 'Austin',
    postalCode: '73301',
    country: 'US',
    region: 'north_america',
    partnerTier: 2,
    autoAcceptSelfAssociation: false,
    prcUserId: 'pat@example.com',
    warnings: [],
    companyTokenRotatedAt: '2026-01-01T00:00:00.000Z',
    companyTokenRotatedBy: 'pat@example.com',
  };
  const outline = {
    locationId: 'l1',
    name: 'Acme HQ',
    country: 'US',
    region: 'north_america',
    partnerTier: 2,
    warnings: [],
  };

  it('shows everything but who rotated the token to PRC/APA in scope, auditors and operators', () => {
    for (const [viewer, manages] of [
      [person, true],
      [auditor, false],
      [operator, false],
    ] as const) {
      expect(locationDetail(viewer, manages, undefined)).toBe('full');
    }
    const { companyTokenRotatedBy: _by, ...full } = location;
    expect(locationAsSeen('full', location)).toEqual(full);
  });

  it('shows its own employees their location without the address, its PRC by user id only to those who see their colleagues’ ids', () => {
    expect(locationDetail(person, false, 'distributor_pi')).toBe('own_location');
    expect(locationAsSeen('own_location', location)).toEqual({
      ...outline,
      prcUserId: 'pat@example.com',
      autoAcceptSelfAssociation: false,
    });
    for (const role of ['distributor', 'view_only', 'personal_update'] as const)
      expect([role, locationDetail(person, false, role)]).toEqual([role, 'own_location_without_ids']);
    expect(locationAsSeen('own_location_without_ids', location)).toEqual({
      ...outline,
      autoAcceptSelfAssociation: false,
    });
  });

  it('shows other employees only the outline of other locations (no address, no PRC)', () => {
    expect(locationDetail(person, false, undefined)).toBe('outline');
    expect(locationAsSeen('outline', location)).toEqual(outline);
  });

  it('tells only the PRC/APA in scope who rotated the token', () => {
    expect(maySeeTokenRotation(true)).toBe(true);
    expect(maySeeTokenRotation(false)).toBe(false);
  });
});
