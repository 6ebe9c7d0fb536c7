import { SignJWT } from 'jose';
import type { PlatformRole } from './principal.js';

export interface MintTokenInput {
  readonly sub: string;
  readonly roles?: readonly PlatformRole[];
  /** Seconds since the epoch; defaults to now (a fresh sign-in). */
  readonly authTime?: number;
  /** A span such as '8h', or an absolute expiry in seconds since the epoch. */
  readonly expiresIn?: string | number;
  readonly issuer?: string;
  readonly audience?: string;
  /** An `email` claim, as an identity provider would add it. */
  readonly email?: string;
}

/** Signs an HS256 token the API accepts; used by `npm run token` and the end-to-end tests. */
export function mintToken(secret: string, input: MintTokenInput): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({
    roles: [...(input.roles ?? [])],
    auth_time: input.authTime ?? now,
    ...(input.email ? { email: input.email } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.sub)
    .setIssuedAt(now)
    .setExpirationTime(input.expiresIn ?? '8h');
  if (input.issuer) jwt = jwt.setIssuer(input.issuer);
  if (input.audience) jwt = jwt.setAudience(input.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
