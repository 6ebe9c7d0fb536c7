import { ADMIN_ROLES, type AccessRole } from './access-roles.js';

/** Where a person works and with which role (from the aggregate for writes, the read model for reads). */
export interface Employment {
  readonly locationId: string;
  readonly accessRole: AccessRole;
}

/** The shape of an enterprise that scope depends on. */
export interface ScopeMap {
  readonly worldwideHeadquartersLocationId: string;
  /** countryEnterpriseId of a location. */
  countryOf(locationId: string): string | undefined;
  /** Headquarters location of a country enterprise. */
  headquartersOf(countryEnterpriseId: string): string | undefined;
}

/**
 * PRC/APA of a location manage it; the PRC at a country HQ manages every location of that country
 * enterprise; the PRC at the worldwide HQ manages every country enterprise.
 */
export function managesLocation(employments: readonly Employment[], scope: ScopeMap, locationId: string): boolean {
  const countryEnterpriseId = scope.countryOf(locationId);
  if (countryEnterpriseId === undefined) return false;
  const countryHq = scope.headquartersOf(countryEnterpriseId);
  return employments.some(
    (e) =>
      (e.locationId === locationId && ADMIN_ROLES.includes(e.accessRole)) ||
      (e.accessRole === 'prc' &&
        (e.locationId === countryHq || e.locationId === scope.worldwideHeadquartersLocationId)),
  );
}

/** Whether the person is a PRC whose scope covers the location (its own PRC, the country HQ PRC or the worldwide HQ PRC). */
export function isPrcInScope(employments: readonly Employment[], scope: ScopeMap, locationId: string): boolean {
  return managesLocation(
    employments.filter((e) => e.accessRole === 'prc'),
    scope,
    locationId,
  );
}

/** The part of an enterprise's hierarchy (as a read model shows it) that scope depends on. */
export interface Hierarchy {
  readonly worldwideHeadquartersLocationId: string;
  readonly countryEnterprises: readonly {
    readonly countryEnterpriseId: string;
    readonly headquartersLocationId: string;
    readonly locations: readonly { readonly locationId: string }[];
  }[];
}

/** The scope map of a hierarchy: each location's country enterprise and each country's headquarters. */
export function scopeOfHierarchy(hierarchy: Hierarchy): ScopeMap {
  const countryOf = new Map(
    hierarchy.countryEnterprises.flatMap((c) => c.locations.map((l) => [l.locationId, c.countryEnterpriseId] as const)),
  );
  const headquartersOf = new Map(
    hierarchy.countryEnterprises.map((c) => [c.countryEnterpriseId, c.headquartersLocationId] as const),
  );
  return {
    worldwideHeadquartersLocationId: hierarchy.worldwideHeadquartersLocationId,
    countryOf: (locationId) => countryOf.get(locationId),
    headquartersOf: (countryEnterpriseId) => headquartersOf.get(countryEnterpriseId),
  };
}

/** Every location of the hierarchy that these employments manage (PRC or APA in scope). */
export function locationsManagedIn(hierarchy: Hierarchy, employments: readonly Employment[]): string[] {
  const scope = scopeOfHierarchy(hierarchy);
  return hierarchy.countryEnterprises
    .flatMap((c) => c.locations.map((l) => l.locationId))
    .filter((locationId) => managesLocation(employments, scope, locationId));
}
