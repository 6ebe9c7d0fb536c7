import type { AccessRole, Tci } from '../domain/access-roles.js';
import type { Region } from '../domain/regions.js';

export const PARTNER_COLLECTIONS = {
  enterprises: 'partner_enterprises',
  employees: 'partner_employees',
  associations: 'partner_self_associations',
  companyTokens: 'partner_company_tokens',
} as const;

export interface LocationView {
  locationId: string;
  name: string;
  address: string;
  city: string;
  postalCode: string;
  country: string;
  region: Region;
  partnerTier: 1 | 2;
  autoAcceptSelfAssociation: boolean;
  prcUserId: string | null;
  warnings: string[];
  /** When the company token was last rotated (the token itself is never in a read model). */
  companyTokenRotatedAt?: string;
  /** Who last rotated it (shown to the location's PRC/APA only). */
  companyTokenRotatedBy?: string;
}

export interface CountryEnterpriseView {
  countryEnterpriseId: string;
  country: string;
  name: string;
  headquartersLocationId: string;
  locations: LocationView[];
}

/** The whole hierarchy of one worldwide enterprise, as GET /v1/enterprises/{id} shows it. */
export type EnterpriseDocument = {
  _id: string;
  enterpriseId: string;
  name: string;
  worldwideHeadquartersLocationId: string;
  countryEnterprises: CountryEnterpriseView[];
  registeredAt: string;
  registeredBy: string;
  position: string;
};

/** The person an employee or self-association document is about, and where. */
type PersonAtLocation = {
  enterpriseId: string;
  locationId: string;
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  telephone?: string;
};

export type EmployeeDocument = PersonAtLocation & {
  _id: string;
  accessRole: AccessRole;
  tci: Tci;
  joinedAt: string;
  confirmationNumber: string;
  position: string;
};

export type SelfAssociationDocument = PersonAtLocation & {
  _id: string;
  associationId: string;
  status: 'pending' | 'accepted' | 'denied';
  requestedAt: string;
  confirmationNumber: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  position: string;
};

export const partnerEmployeeKey = (locationId: string, userId: string) => `${locationId}:${userId}`;

/**
 * Which location a company token opens: one document per location, found by the token's SHA-256
 * (unique index) when a person joins with the token alone. The digest never leaves the server.
 */
export type CompanyTokenDocument = {
  _id: string;
  enterpriseId: string;
  locationId: string;
  companyTokenDigest: string;
  position: string;
};
