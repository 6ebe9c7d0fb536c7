import type { Principal } from '#auth';
import { newSecretToken, secretDigest } from '#core';
import type { CommandResponse } from '#event-store';
import type { EnterpriseCommands } from '../../application/enterprise-commands.js';

export type RotateCompanyTokenResult = {
  companyToken: string;
  previousTokenValid: false;
  notice: string;
} & CommandResponse;

/** What a rotation means (re-display policy): the new token is shown once, the old one is dead. */
export const ROTATION_NOTICE =
  'The previous company token stopped working now: pending requests made with it stay, but nobody can join with it any more. ' +
  'This new token is shown only once (only its digest is kept); give it to the people who should join, or rotate again to get another.';

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
  return { companyToken, previousTokenValid: false, notice: ROTATION_NOTICE, ...done.unlessReplayed().response };
}
