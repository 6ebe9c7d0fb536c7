import { createHmac, timingSafeEqual } from 'node:crypto';
import type { JWTPayload } from 'jose';

/** Why a token was refused; the verifier turns it into the one 401 problem. */
export class TokenRejected extends Error {}

export interface Hs256Checks {
  readonly issuer?: string;
  readonly audience?: string;
  /** Seconds since the epoch (the same whole-second clock as jose, no skew tolerance). */
  readonly now: number;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies a compact HS256 JWS synchronously with node:crypto: the header must say exactly
 * `alg: HS256` (no `crit`), the signature is compared in constant time on its canonical
 * base64url text, then the claims are checked as jose checks them (`sub` and `exp` required,
 * `exp` strictly after now, `nbf` not after now, numeric dates, `iss` / `aud` when configured).
 */
export function verifyHs256(token: string, secret: Buffer, checks: Hs256Checks): JWTPayload {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenRejected('it is malformed or not signed with an accepted key');
  const [headerText, payloadText, signature] = parts as [string, string, string];
  if (!SEGMENT.test(headerText) || !SEGMENT.test(payloadText) || !SEGMENT.test(signature)) {
    throw new TokenRejected('it is malformed or not signed with an accepted key');
  }
  const header = jsonObject(headerText);
  if (header === undefined || header.alg !== 'HS256' || 'crit' in header || 'b64' in header) {
    throw new TokenRejected('it is malformed or not signed with an accepted key');
  }
  const expected = Buffer.from(createHmac('sha256', secret).update(`${headerText}.${payloadText}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new TokenRejected('its signature does not verify');
  const payload = jsonObject(payloadText);
  if (payload === undefined) throw new TokenRejected('it is malformed or not signed with an accepted key');
  checkClaims(payload, checks);
  return payload as JWTPayload;
}

function checkClaims(claims: Record<string, unknown>, { issuer, audience, now }: Hs256Checks): void {
  const required = ['sub', 'exp', ...(audience !== undefined ? ['aud'] : []), ...(issuer !== undefined ? ['iss'] : [])];
  for (const claim of required.reverse()) {
    if (!Object.hasOwn(claims, claim)) throw new TokenRejected(`missing required "${claim}" claim`);
  }
  if (issuer !== undefined && claims.iss !== issuer) throw new TokenRejected('unexpected "iss" claim value');
  if (audience !== undefined && !audienceIncludes(claims.aud, audience))
    throw new TokenRejected('unexpected "aud" claim value');
  numericDate(claims, 'iat'); // only its type is checked, as jose does without maxTokenAge
  const nbf = numericDate(claims, 'nbf');
  if (nbf !== undefined && nbf > now) throw new TokenRejected('"nbf" claim timestamp check failed');
  const exp = numericDate(claims, 'exp');
  if (exp !== undefined && exp <= now) throw new TokenRejected('it has expired');
}

function audienceIncludes(aud: unknown, audience: string): boolean {
  if (typeof aud === 'string') return aud === audience;
  return Array.isArray(aud) && aud.includes(audience);
}

function numericDate(claims: Record<string, unknown>, claim: string): number | undefined {
  const value = claims[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new TokenRejected(`"${claim}" claim must be a number`);
  return value;
}

function jsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(utf8.decode(Buffer.from(segment, 'base64url')));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
