import { ACCESS_ROLES, type AccessRole, type Tci } from './access-roles.js';
import type { Viewer } from './enterprise.visibility.js';
import type { Region } from './regions.js';

/** Distributor contacts need a location's compliance facts; so do its PRC/APA in scope, auditors and operators. */
export function mayReadComplianceSummary(viewer: Viewer, managesLocation: boolean, ownRole?: AccessRole): boolean {
  return (
    managesLocation || viewer.auditor || viewer.operator || ownRole === 'distributor' || ownRole === 'distributor_pi'
  );
}

export interface ComplianceSummary {
  readonly locationId: string;
  readonly partnerTier: 1 | 2;
  readonly region: Region;
  readonly prcAssigned: boolean;
  readonly employees: number;
  readonly employeesByAccessRole: Record<AccessRole, number>;
  readonly tciContacts: Tci;
}

/** A location's compliance facts: counts and flags only, no personal data. */
export function complianceSummary(
  location: { locationId: string; partnerTier: 1 | 2; region: Region; prcUserId: string | null },
  employees: readonly { accessRole: AccessRole; tci: Tci }[],
): ComplianceSummary {
  const byRole = Object.fromEntries(ACCESS_ROLES.map((r) => [r, 0])) as Record<AccessRole, number>;
  for (const e of employees) byRole[e.accessRole] += 1;
  return {
    locationId: location.locationId,
    partnerTier: location.partnerTier,
    region: location.region,
    prcAssigned: location.prcUserId !== null,
    employees: employees.length,
    employeesByAccessRole: byRole,
    tciContacts: {
      businessContact: employees.some((e) => e.tci.businessContact),
      secondaryBusinessContact: employees.some((e) => e.tci.secondaryBusinessContact),
    },
  };
}
