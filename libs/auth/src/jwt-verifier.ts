import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, jwtVerify } from 'jose';
import { TokenRejected, verifyHs256 } from './hs256.js';
import { DomainError, looksLikeEmail, userIdFromSubject } from '#core';
import { PLATFORM_ROLES, type PlatformRole, type Principal } from './principal.js';

export type JwtKeySource = { kind: 'secret'; secret: string } | { kind: 'jwks'; url: string };

export interface JwtVerifierOptions {
  readonly key: JwtKeySource;
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * Verifies bearer tokens (HS256 secret or an OIDC provider's JWKS) and turns them into principals.
 * HS256 is verified synchronously with node:crypto (see hs256.ts): jose goes through WebCrypto,
 * asynchronous and a structured clone per call, which cost a sixth of the CPU under query load.
 * JWKS tokens go through jose, whose remote key set caches the provider's keys (refetched at most
 * every 10 minutes, or after a 30 s cooldown for an unknown `kid`).
 */
export class JwtVerifier {
  private readonly secret: Buffer | undefined;
  private readonly jwks: JWTVerifyGetKey | undefined;

  constructor(private readonly options: JwtVerifierOptions) {
    if (options.key.kind === 'secret') this.secret = Buffer.from(options.key.secret, 'utf8');
    else this.jwks = createRemoteJWKSet(new URL(options.key.url));
  }

  async verify(token: string): Promise<Principal> {
    return toPrincipal(this.secret ? this.verifyWithSecret(token, this.secret) : await this.verifyWithJwks(token));
  }

  private verifyWithSecret(token: string, secret: Buffer): JWTPayload {
    try {
      return verifyHs256(token, secret, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        now: Math.floor(Date.now() / 1000),
      });
    } catch (error) {
      throw rejected(
        error instanceof TokenRejected ? error.message : 'it is malformed or not signed with an accepted key',
      );
    }
  }

  private async verifyWithJwks(token: string): Promise<JWTPayload> {
    try {
      const verified = await jwtVerify(token, this.jwks!, {
        algorithms: JWKS_ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'exp'],
      });
      return verified.payload;
    } catch (error) {
      throw rejected(reason(error));
    }
  }
}

const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

function rejected(why: string): DomainError {
  return new DomainError('UNAUTHENTICATED', `The bearer token was rejected: ${why}.`);
}

export function toPrincipal(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '')
    throw new DomainError('UNAUTHENTICATED', 'The bearer token has no subject (sub).');
  const sub = userIdFromSubject(payload.sub);
  if (!sub) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'The token subject (sub) must be printable text in normal form: no spaces, line breaks, invisible or compatibility characters.',
    );
  }
  const claimed = Array.isArray(payload.roles) ? payload.roles : [];
  const roles = PLATFORM_ROLES.filter((r) => claimed.includes(r)) as PlatformRole[];
  const authTime = typeof payload.auth_time === 'number' ? new Date(payload.auth_time * 1000) : undefined;
  const email = verifiedEmailOf(payload, sub);
  return { userId: sub, roles, ...(authTime ? { authTime } : {}), ...(email ? { email } : {}) };
}

function verifiedEmailOf(payload: JWTPayload, sub: string): string | undefined {
  if (typeof payload.email === 'string' && payload.email_verified !== false && looksLikeEmail(payload.email))
    return payload.email.trim().toLowerCase();
  return looksLikeEmail(sub) ? sub : undefined;
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'it has expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'its signature does not verify';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return (error as Error).message;
    default:
      return 'it is malformed or not signed with an accepted key';
  }
}
