import type { Principal } from '#auth';
import { newSecretToken, secretDigest } from '#core';
import type { CommandResponse } from '#event-store';
import type { EnterpriseCommands } from '../../application/enterprise-commands.js';
import type { EmployeeProfile, LocationProfile } from '../../domain/access-roles.js';

export interface RegisterEnterprise {
  readonly name: string;
  readonly countryEnterpriseName: string;
  readonly location: LocationProfile & { readonly country: string };
  readonly employee: EmployeeProfile;
}

export type RegisterEnterpriseResult = {
  enterpriseId: string;
  countryEnterpriseId: string;
  locationId: string;
  companyToken: string;
} & CommandResponse;

/** Mints the ids and the first company token (shown only in this answer; the stream keeps its digest). */
export async function registerEnterprise(
  enterprises: EnterpriseCommands,
  principal: Principal,
  { name, countryEnterpriseName, location, employee }: RegisterEnterprise,
): Promise<RegisterEnterpriseResult> {
  const enterpriseId = enterprises.newId();
  const companyToken = newSecretToken();
  const done = await enterprises.execute(enterpriseId, principal, {
    type: 'RegisterEnterprise',
    enterpriseId,
    name,
    countryEnterpriseId: enterprises.newId(),
    countryEnterpriseName,
    location: { ...location, locationId: enterprises.newId(), companyTokenDigest: secretDigest(companyToken) },
    employee,
  });
  const created = done.unlessReplayed().the('LocationCreated').data;
  return {
    enterpriseId: created.enterpriseId,
    countryEnterpriseId: created.countryEnterpriseId,
    locationId: created.locationId,
    companyToken,
    ...done.response,
  };
}
