import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '#auth';
import { forbidden, notFound } from '#core';
import { DOCUMENT_STORE, type DocumentStore } from '#read-store';
import { type ScopeMap, managesLocation, scopeOfHierarchy } from '../domain/enterprise.scope.js';
import type { Viewer } from '../domain/enterprise.visibility.js';
import {
  type EmployeeDocument,
  type EnterpriseDocument,
  type LocationView,
  PARTNER_COLLECTIONS as C,
} from '../projections/read-models.js';

export interface CallerInEnterprise {
  readonly enterprise: EnterpriseDocument;
  readonly employments: EmployeeDocument[];
  /** The enterprise's scope map (which location belongs to which country, the headquarters). */
  readonly scope: ScopeMap;
  manages(locationId: string): boolean;
  location(locationId: string): LocationView;
}

/** The caller as the visibility rules see them. */
export function viewerOf(principal: Principal): Viewer {
  return {
    userId: principal.userId,
    auditor: principal.roles.includes('auditor'),
    operator: principal.roles.includes('operator'),
  };
}

/** Read authorisation from the read models (writes decide it from the aggregate). */
@Injectable()
export class EnterpriseReadAccess {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  async caller(enterpriseId: string, principal: Principal): Promise<CallerInEnterprise> {
    const enterprise = await this.store.collection<EnterpriseDocument>(C.enterprises).findOne({ _id: enterpriseId });
    if (!enterprise) throw notFound(`Enterprise ${enterpriseId} does not exist.`);
    const employments = await this.store
      .collection<EmployeeDocument>(C.employees)
      .find({ enterpriseId, userId: principal.userId });
    const scope = scopeOfHierarchy(enterprise);
    return {
      enterprise,
      employments,
      scope,
      manages: (locationId) => managesLocation(employments, scope, locationId),
      location: (locationId) => {
        const found = enterprise.countryEnterprises
          .flatMap((c) => c.locations)
          .find((l) => l.locationId === locationId);
        if (!found) throw notFound(`Location ${locationId} does not exist in enterprise ${enterpriseId}.`);
        return found;
      },
    };
  }

  /** The caller must manage the location (PRC/APA in scope), or hold one of `roles`. */
  async requireManager(
    enterpriseId: string,
    locationId: string,
    principal: Principal,
    roles: ('operator' | 'auditor')[] = [],
  ) {
    const caller = await this.caller(enterpriseId, principal);
    caller.location(locationId);
    if (!caller.manages(locationId) && !roles.some((r) => principal.roles.includes(r))) {
      throw forbidden('Only the PRC or an APA in scope may see this.');
    }
    return caller;
  }
}
