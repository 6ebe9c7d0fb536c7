import type { Principal } from '../../../auth/src/index.js';
import type { Actor } from '../domain/site.permissions.js';

export function actorOf(principal: Principal): Actor {
  return {
    userId: principal.userId,
    operator: principal.roles.includes('operator'),
    auditor: principal.roles.includes('auditor'),
    ...(principal.authTime ? { authTime: principal.authTime.toISOString() } : {}),
    ...(principal.email ? { verifiedEmail: principal.email } : {}),
  };
}
