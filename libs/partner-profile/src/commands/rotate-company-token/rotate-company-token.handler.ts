import type { Principal } from '../../../../auth/src/index.js';
import { newSecretToken, secretDigest } from '../../../../core/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { EnterpriseCommands } from '../../application/enterprise-commands.js';

export type RotateCompanyTokenResult = { companyToken: string } & CommandResponse;

/** Mints the new token: the answer shows it once, the stream keeps only its digest. */
export async function rotateCompanyToken(enterprises: EnterpriseCommands, principal: Principal, enterpriseId: string, locationId: string): Promise<RotateCompanyTokenResult> {
  const companyToken = newSecretToken();
  const done = await enterprises.execute(enterpriseId, principal, { type: 'RotateCompanyToken', locationId, companyTokenDigest: secretDigest(companyToken) });
  return { companyToken, ...done.unlessReplayed().response };
}
