import type { Principal } from '#auth';
import { secretDigest } from '#core';
import type { EnterpriseCommands } from '../../application/enterprise-commands.js';
import type { EmployeeProfile } from '../../domain/access-roles.js';
import { invalidCompanyToken } from '../../domain/enterprise.errors.js';
import {
  type SelfAssociationResult,
  requestSelfAssociation,
} from '../request-self-association/request-self-association.handler.js';

export interface JoinWithCompanyToken {
  readonly companyToken: string;
  readonly employee: EmployeeProfile;
}

export type JoinWithCompanyTokenResult = { enterpriseId: string; locationId: string } & SelfAssociationResult;

/**
 * Finds the location by the token's digest, then asks to join it exactly as with its ids. An
 * unknown token gets the same answer as a wrong one; the enterprise re-checks the digest against
 * the location's current one, so a token rotated a moment ago opens nothing.
 */
export async function joinWithCompanyToken(
  enterprises: EnterpriseCommands,
  locationOf: (companyTokenDigest: string) => Promise<{ enterpriseId: string; locationId: string } | undefined>,
  principal: Principal,
  { companyToken, employee }: JoinWithCompanyToken,
): Promise<JoinWithCompanyTokenResult> {
  const location = await locationOf(secretDigest(companyToken));
  if (!location) throw invalidCompanyToken();
  const { enterpriseId, locationId } = location;
  const joined = await requestSelfAssociation(enterprises, principal, enterpriseId, locationId, {
    companyToken,
    employee,
  });
  return { enterpriseId, locationId, ...joined };
}
