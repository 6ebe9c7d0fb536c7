import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../../../auth/src/index.js';
import { newSecretToken, secretDigest } from '../../../../core/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import { ENTERPRISE_COMMANDS, type EnterpriseCommands } from '../../application/enterprise-commands.js';
import type { EmployeeProfile, LocationProfile } from '../../domain/access-roles.js';

export interface CreateLocation {
  readonly location: LocationProfile & { readonly country: string };
  readonly employee: EmployeeProfile;
}

export type CreateLocationResult = { locationId: string; countryEnterpriseId: string; companyToken: string } & CommandResponse;

/** Mints the ids and the location's first company token; a new country gets a new country enterprise. */
@Injectable()
export class CreateLocationHandler {
  constructor(@Inject(ENTERPRISE_COMMANDS) private readonly enterprises: EnterpriseCommands) {}

  async execute(principal: Principal, enterpriseId: string, { location, employee }: CreateLocation): Promise<CreateLocationResult> {
    const companyToken = newSecretToken();
    const done = await this.enterprises.execute(enterpriseId, principal, {
      type: 'CreateLocation',
      location: { ...location, locationId: this.enterprises.newId(), companyTokenDigest: secretDigest(companyToken) },
      newCountryEnterpriseId: this.enterprises.newId(),
      employee,
    });
    const { locationId, countryEnterpriseId } = done.the('LocationCreated').data;
    return { locationId, countryEnterpriseId, companyToken, ...done.response };
  }
}
