import { type JWTPayload, type JWTVerifyGetKey, createRemoteJWKSet, jwtVerify } from 'jose';
import { DomainError, looksLikeEmail, userIdFromSubject } from '../../core/src/index.js';
import { PLATFORM_ROLES, type PlatformRole, type Principal } from './principal.js';

export type JwtKeySource = { kind: 'secret'; secret: string } | { kind: 'jwks'; url: string };

export interface JwtVerifierOptions {
  readonly key: JwtKeySource;
  readonly issuer?: string;
  readonly audience?: string;
}

/** Verifies bearer tokens (HS256 secret or an OIDC provider's JWKS) and turns them into principals. */
export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: JwtVerifierOptions) {
    if (options.key.kind === 'secret') {
      this.key = new TextEncoder().encode(options.key.secret);
      this.algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(new URL(options.key.url));
      this.algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const verified = await jwtVerify(token, this.key as Uint8Array, {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'exp'],
      });
      payload = verified.payload;
    } catch (error) {
      throw new DomainError('UNAUTHENTICATED', `The bearer token was rejected: ${reason(error)}.`);
    }
    return toPrincipal(payload);
  }
}

export function toPrincipal(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new DomainError('UNAUTHENTICATED', 'The bearer token has no subject (sub).');
  const sub = userIdFromSubject(payload.sub);
  if (!sub) {
    throw new DomainError('UNAUTHENTICATED', 'The token subject (sub) must be printable text in normal form: no spaces, line breaks, invisible or compatibility characters.');
  }
  const claimed = Array.isArray(payload.roles) ? payload.roles : [];
  const roles = PLATFORM_ROLES.filter((r) => claimed.includes(r)) as PlatformRole[];
  const authTime = typeof payload.auth_time === 'number' ? new Date(payload.auth_time * 1000) : undefined;
  const email = verifiedEmailOf(payload, sub);
  return { userId: sub, roles, ...(authTime ? { authTime } : {}), ...(email ? { email } : {}) };
}

function verifiedEmailOf(payload: JWTPayload, sub: string): string | undefined {
  if (typeof payload.email === 'string' && payload.email_verified !== false && looksLikeEmail(payload.email)) return payload.email.trim().toLowerCase();
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
