import type { Principal } from '#auth';
import { newSecretToken, secretDigest } from '#core';
import type { CommandResponse } from '#event-store';
import type { EnterpriseCommands } from '../../application/enterprise-commands.js';

export type RotateCompanyTokenResult = { companyToken: string } & CommandResponse;

/** Mints the new token: the answer shows it once, the stream keeps only its digest. */
export async function rotateCompanyToken(
  enterprises: EnterpriseCommands,
  principal: Principal,
  enterpriseId: string,
  locationId: string,
): Promise<RotateCompanyTokenResult> {
  const companyToken = newSecretToken();
  const done = await enterprises.execute(enterpriseId, principal, {
    type: 'RotateCompanyToken',
    locationId,
    companyTokenDigest: secretDigest(companyToken),
  });
  return { companyToken, ...done.unlessReplayed().response };
}
