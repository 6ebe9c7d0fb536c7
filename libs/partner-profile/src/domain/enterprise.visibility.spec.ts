import type { AccessRole } from './access-roles.js';
import {
  type EmployeeListView,
  type Viewer,
  employeeAsSeen,
  employeeListView,
  maySeeEnterprise,
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
      userId: 'kim@example.com',
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
