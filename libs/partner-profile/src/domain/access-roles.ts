export const ACCESS_ROLES = ['prc', 'apa', 'distributor', 'distributor_pi', 'personal_update', 'view_only'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** The role an employee has when nothing was selected. */
export const DEFAULT_ACCESS_ROLE: AccessRole = 'personal_update';

export const DISTRIBUTOR_ROLES: readonly AccessRole[] = ['distributor', 'distributor_pi'];
export const ADMIN_ROLES: readonly AccessRole[] = ['prc', 'apa'];

export interface Tci {
  readonly businessContact: boolean;
  readonly secondaryBusinessContact: boolean;
}

export const NO_TCI: Tci = { businessContact: false, secondaryBusinessContact: false };

export interface EmployeeProfile {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly telephone?: string;
}

export interface LocationProfile {
  readonly name: string;
  readonly address: string;
  readonly city: string;
  readonly postalCode: string;
  readonly partnerTier: 1 | 2;
}
