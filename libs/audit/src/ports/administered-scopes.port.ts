import type { Filter } from '#read-store';
import type { AuditScope } from './audit-describer.port.js';

/**
 * Which audit entries a person may read as an administrator, answered by the context that knows
 * who administers what (sites, locations). Audit owns this port; the composition root wires one
 * per context.
 */
export interface AdministeredScopes {
  /** Filters on audit entries (`{'scope.siteId': {$in: [...]}}`) for the scopes this person administers. */
  scopesOf(userId: string): Promise<Filter[]>;
  /** Whether this person may see contact details in entries of a scope (default: nowhere). */
  contactViewer?(userId: string): Promise<(scope: AuditScope) => boolean>;
}

export const ADMINISTERED_SCOPES = Symbol('ADMINISTERED_SCOPES');
