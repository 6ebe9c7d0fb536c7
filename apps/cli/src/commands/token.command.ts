import { PLATFORM_ROLES, type PlatformRole, mintToken, resolveSecret } from '#auth';
import type { AppConfig } from '#core';
import { parseArgs } from '../args.js';

/** `npm run token -- --sub ana@example.com [--role operator] [--role auditor] [--expires 8h]` */
export async function tokenCommand(config: AppConfig, argv: readonly string[]): Promise<string> {
  if (config.auth.jwksUrl)
    throw new Error('AUTH_JWKS_URL is set: tokens come from your identity provider, not from here');
  const args = parseArgs(argv, ['sub', 'role', 'expires']);
  const sub = args.get('sub')?.[0];
  if (!sub) throw new Error('usage: npm run token -- --sub ana@example.com [--role operator] [--role auditor]');
  const roles = args.get('role') ?? [];
  const unknown = roles.filter((r) => !(PLATFORM_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`unknown role ${unknown.join(', ')} (roles: ${PLATFORM_ROLES.join(', ')})`);
  return mintToken(resolveSecret(config), {
    sub,
    roles: roles as PlatformRole[],
    expiresIn: args.get('expires')?.[0],
    issuer: config.auth.issuer,
    audience: config.auth.audience,
  });
}
