import { secretDigest } from '#core';
import type { AccessRole } from './access-roles.js';

/** Who reads: the platform roles the token carries. */
export interface Viewer {
  readonly userId: string;
  readonly auditor: boolean;
  readonly operator: boolean;
}

/** Employees, auditors and operators may see an enterprise's hierarchy; nobody else. */
export function maySeeEnterprise(viewer: Viewer, employmentsInEnterprise: number): boolean {
  return employmentsInEnterprise > 0 || viewer.auditor || viewer.operator;
}

/**
 * How much of a location's employee list a viewer sees:
 * PRC/APA in scope, auditors and `distributor_pi` everything; `distributor` and `view_only` names and
 * roles of the others; `personal_update` only their own record; anyone else nothing (`undefined`).
 */
export type EmployeeListView = 'everything' | 'names_and_roles' | 'own_record';

export function employeeListView(
  viewer: Viewer,
  managesLocation: boolean,
  ownRole: AccessRole | undefined,
): EmployeeListView | undefined {
  if (managesLocation || viewer.auditor || ownRole === 'distributor_pi') return 'everything';
  if (ownRole === 'distributor' || ownRole === 'view_only') return 'names_and_roles';
  if (ownRole === 'personal_update') return 'own_record';
  return undefined;
}

/**
 * An opaque, stable reference to one employment (who, where, which join), shown instead of the user
 * id (an e-mail today) to viewers who see names and roles only. It cannot be turned back into the
 * user id without the join's confirmation number, which those viewers never see.
 */
export function employeeRef(locationId: string, userId: string, joinConfirmationNumber: string): string {
  return `emp_${secretDigest(`employee-ref:${locationId}:${userId}:${joinConfirmationNumber}`).slice(0, 24)}`;
}

export const NAMES_AND_ROLES = ['employeeRef', 'firstName', 'lastName', 'accessRole'] as const;
type NamesAndRoles = (typeof NAMES_AND_ROLES)[number];

/** One employee as the viewer sees them: their own record always in full. */
export function employeeAsSeen<E extends Record<NamesAndRoles | 'userId', unknown>>(
  view: EmployeeListView,
  viewer: Viewer,
  employee: E,
): E | Pick<E, NamesAndRoles> {
  if (view !== 'names_and_roles' || employee.userId === viewer.userId) return employee;
  return Object.fromEntries(NAMES_AND_ROLES.map((k) => [k, employee[k]])) as Pick<E, NamesAndRoles>;
}

/**
 * How much of one location a viewer of the enterprise sees: PRC/APA in scope, auditors and operators
 * everything (`full`); its own employees its profile without the address (`own_location`), and
 * without its PRC's user id (an e-mail) unless they see their colleagues' user ids anyway
 * (`own_location_without_ids`: distributor and view_only find the PRC by name and role in the
 * employee list; personal_update only whether there is one, by the warnings); other employees its
 * outline (name, country, region, tier, warnings: no address, no PRC, no settings).
 */
export type LocationDetail = 'full' | 'own_location' | 'own_location_without_ids' | 'outline';

/** `ownRole`: the viewer's access role at this location (undefined when they do not work there). */
export function locationDetail(
  viewer: Viewer,
  managesLocation: boolean,
  ownRole: AccessRole | undefined,
): LocationDetail {
  if (managesLocation || viewer.auditor || viewer.operator) return 'full';
  if (ownRole === undefined) return 'outline';
  return employeeListView(viewer, false, ownRole) === 'everything' ? 'own_location' : 'own_location_without_ids';
}

const OUTLINE = ['locationId', 'name', 'country', 'region', 'partnerTier', 'warnings'] as const;
const OWN_LOCATION_WITHOUT_IDS = [...OUTLINE, 'autoAcceptSelfAssociation'] as const;
const OWN_LOCATION = [...OWN_LOCATION_WITHOUT_IDS, 'prcUserId'] as const;
const FULL = [...OWN_LOCATION, 'address', 'city', 'postalCode', 'companyTokenRotatedAt'] as const;
const FIELDS: Record<LocationDetail, readonly LocationField[]> = {
  full: FULL,
  own_location: OWN_LOCATION,
  own_location_without_ids: OWN_LOCATION_WITHOUT_IDS,
  outline: OUTLINE,
};
type LocationField = (typeof FULL)[number];

/** One location as the viewer sees it (only the fields of its detail level that the location has). */
export function locationAsSeen<L extends Partial<Record<LocationField, unknown>>>(
  detail: LocationDetail,
  location: L,
): Partial<Pick<L, LocationField>> {
  return Object.fromEntries(
    FIELDS[detail].filter((f) => location[f] !== undefined).map((f) => [f, location[f]]),
  ) as Partial<Pick<L, LocationField>>;
}

/**
 * Who rotated a location's company token, and when: its PRC/APA in scope only (they answer for who
 * holds the token).
 */
export function maySeeTokenRotation(managesLocation: boolean): boolean {
  return managesLocation;
}
