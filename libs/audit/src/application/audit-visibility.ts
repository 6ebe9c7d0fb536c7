import { Inject, Injectable } from '@nestjs/common';
import type { CallerPermissions, Principal } from '#auth';
import type { Filter } from '#read-store';
import { ADMINISTERED_SCOPES, type AdministeredScopes } from '../ports/administered-scopes.port.js';
import type { AuditScope } from '../ports/audit-describer.port.js';

/**
 * Which audit entries a caller may read: auditors and operators all; administrators those of the
 * scopes they administer (as each context answers), plus their own actions; nobody else any.
 */
@Injectable()
export class AuditVisibility implements CallerPermissions {
  constructor(@Inject(ADMINISTERED_SCOPES) private readonly contexts: readonly AdministeredScopes[]) {}

  /** A filter limiting entries to what the caller may see, `{}` for everything, or undefined for nothing. */
  async filterFor(principal: Principal, includeOwnActions = false): Promise<Filter | undefined> {
    if (seesEverything(principal)) return {};
    const scopes = (await Promise.all(this.contexts.map((c) => c.scopesOf(principal.userId)))).flat();
    if (includeOwnActions) scopes.push({ actorId: principal.userId });
    return scopes.length === 0 ? undefined : { $or: scopes };
  }

  /**
   * Whether the caller may use the audit search at all: the search answers exactly when
   * `filterFor` leaves them something (it refuses `403` otherwise). `GET /v1/me` reports this.
   */
  async mayAudit(principal: Principal): Promise<boolean> {
    return (await this.filterFor(principal)) !== undefined;
  }

  /** Whether the caller may see contact details in entries of a scope; auditors and operators everywhere. */
  async contactViewer(principal: Principal): Promise<(scope: AuditScope) => boolean> {
    if (seesEverything(principal)) return () => true;
    const viewers = await Promise.all(this.contexts.map(async (c) => c.contactViewer?.(principal.userId)));
    return (scope) => viewers.some((mayView) => mayView?.(scope) === true);
  }
}

const seesEverything = (principal: Principal) =>
  principal.roles.includes('auditor') || principal.roles.includes('operator');
