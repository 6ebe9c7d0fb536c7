import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../../../auth/src/index.js';
import { newSecretToken, secretDigest } from '../../../../core/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import { ENTERPRISE_COMMANDS, type EnterpriseCommands } from '../../application/enterprise-commands.js';
import type { EmployeeProfile, LocationProfile } from '../../domain/access-roles.js';

export interface RegisterEnterprise {
  readonly name: string;
  readonly countryEnterpriseName: string;
  readonly location: LocationProfile & { readonly country: string };
  readonly employee: EmployeeProfile;
}

export type RegisterEnterpriseResult = { enterpriseId: string; countryEnterpriseId: string; locationId: string; companyToken: string } & CommandResponse;

/** Mints the ids and the first company token (shown only in this answer; the stream keeps its digest). */
@Injectable()
export class RegisterEnterpriseHandler {
  constructor(@Inject(ENTERPRISE_COMMANDS) private readonly enterprises: EnterpriseCommands) {}

  async execute(principal: Principal, { name, countryEnterpriseName, location, employee }: RegisterEnterprise): Promise<RegisterEnterpriseResult> {
    const enterpriseId = this.enterprises.newId();
    const companyToken = newSecretToken();
    const done = await this.enterprises.execute(enterpriseId, principal, {
      type: 'RegisterEnterprise',
      enterpriseId,
      name,
      countryEnterpriseId: this.enterprises.newId(),
      countryEnterpriseName,
      location: { ...location, locationId: this.enterprises.newId(), companyTokenDigest: secretDigest(companyToken) },
      employee,
    });
    const created = done.the('LocationCreated').data;
    return { enterpriseId: created.enterpriseId, countryEnterpriseId: created.countryEnterpriseId, locationId: created.locationId, companyToken, ...done.response };
  }
}
