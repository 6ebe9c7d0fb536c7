import type { Actor } from '#core';
import type { Principal } from './principal.js';

/** The authenticated caller as the domain sees them: the one actor mapping of every context. */
export function actorOf(principal: Principal): Actor {
  return {
    userId: principal.userId,
    operator: principal.roles.includes('operator'),
    auditor: principal.roles.includes('auditor'),
    ...(principal.authTime ? { authTime: principal.authTime.toISOString() } : {}),
    ...(principal.email ? { verifiedEmail: principal.email } : {}),
  };
}
