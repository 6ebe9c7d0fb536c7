import type { Principal } from './principal.js';

/**
 * What `GET /v1/me` tells the caller they may do beyond their sites and locations, answered by the
 * context that owns each rule (the audit search: libs/audit's visibility). Auth owns this port; the
 * composition root wires its implementation, so `/v1/me` never keeps a copy of another context's rule.
 */
export interface CallerPermissions {
  /** Whether the caller may use the audit search at all (`GET /v1/audit` answers rather than `403`). */
  mayAudit(principal: Principal): Promise<boolean>;
}

export const CALLER_PERMISSIONS = Symbol('CALLER_PERMISSIONS');
