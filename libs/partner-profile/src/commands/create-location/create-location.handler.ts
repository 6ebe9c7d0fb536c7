import type { Principal } from '#auth';
import { newSecretToken, secretDigest } from '#core';
import type { CommandResponse } from '#event-store';
import type { EnterpriseCommands } from '../../application/enterprise-commands.js';
import type { EmployeeProfile, LocationProfile } from '../../domain/access-roles.js';

export interface CreateLocation {
  readonly location: LocationProfile & { readonly country: string };
  readonly employee: EmployeeProfile;
}

export type CreateLocationResult = {
  locationId: string;
  countryEnterpriseId: string;
  companyToken: string;
} & CommandResponse;

/** Mints the ids and the location's first company token; a new country gets a new country enterprise. */
export async function createLocation(
  enterprises: EnterpriseCommands,
  principal: Principal,
  enterpriseId: string,
  { location, employee }: CreateLocation,
): Promise<CreateLocationResult> {
  const companyToken = newSecretToken();
  const done = await enterprises.execute(enterpriseId, principal, {
    type: 'CreateLocation',
    location: { ...location, locationId: enterprises.newId(), companyTokenDigest: secretDigest(companyToken) },
    newCountryEnterpriseId: enterprises.newId(),
    employee,
  });
  const { locationId, countryEnterpriseId } = done.unlessReplayed().the('LocationCreated').data;
  return { locationId, countryEnterpriseId, companyToken, ...done.response };
}
