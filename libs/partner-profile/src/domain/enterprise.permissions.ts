import { mayIssueCommands } from '#core';
import { mayReadComplianceSummary } from './enterprise.compliance.js';
import { type Employment, type ScopeMap, isPrcInScope, managesLocation } from './enterprise.scope.js';
import { type Viewer, employeeListView } from './enterprise.visibility.js';

/**
 * Who may change what in an enterprise, one rule per kind of command, used by the decider (from the
 * aggregate) and by the queries that tell the caller what they may do (from the read models). Each
 * takes the caller's employments in the enterprise and the enterprise's scope map.
 */

/**
 * Manage a location (its profile, self-association setting and decisions, company token, employees'
 * access and TCI roles, adding employees): its PRC or an APA in scope, never an auditor. Operators do
 * not manage locations (they only assign or remove a PRC, the recovery path).
 */
export function mayManageLocation(
  actor: Viewer,
  employments: readonly Employment[],
  scope: ScopeMap,
  locationId: string,
): boolean {
  return mayIssueCommands(actor) && managesLocation(employments, scope, locationId);
}

/** Rename the worldwide enterprise and move its worldwide headquarters: the PRC of the worldwide HQ only. */
export function mayEditEnterprise(actor: Viewer, employments: readonly Employment[], scope: ScopeMap): boolean {
  return (
    mayIssueCommands(actor) &&
    employments.some((e) => e.locationId === scope.worldwideHeadquartersLocationId && e.accessRole === 'prc')
  );
}

/**
 * Rename a country enterprise and move its headquarters: the PRC of its headquarters or of the
 * worldwide HQ (a PRC whose scope covers the country HQ location).
 */
export function mayEditCountryEnterprise(
  actor: Viewer,
  employments: readonly Employment[],
  scope: ScopeMap,
  countryEnterpriseId: string,
): boolean {
  const headquarters = scope.headquartersOf(countryEnterpriseId);
  return mayIssueCommands(actor) && headquarters !== undefined && isPrcInScope(employments, scope, headquarters);
}

/** What the caller may do at one location, as `GET .../locations/{locationId}` tells them. */
export interface CallerLocationPermissions {
  /** Every PRC/APA command on the location (see mayManageLocation). */
  readonly manage: boolean;
  /** List its employees (how much of each they see is the visibility rule's). */
  readonly viewEmployees: boolean;
  /** Read its compliance summary. */
  readonly viewCompliance: boolean;
}

export function callerLocationPermissions(
  viewer: Viewer,
  employments: readonly Employment[],
  scope: ScopeMap,
  locationId: string,
): CallerLocationPermissions {
  const manages = managesLocation(employments, scope, locationId);
  const ownRole = employments.find((e) => e.locationId === locationId)?.accessRole;
  return {
    manage: mayManageLocation(viewer, employments, scope, locationId),
    viewEmployees: employeeListView(viewer, manages, ownRole) !== undefined,
    viewCompliance: mayReadComplianceSummary(viewer, manages, ownRole),
  };
}

/** What the caller may change of the enterprise itself (`GET /v1/enterprises/{enterpriseId}`), or of one country enterprise. */
export interface CallerEnterpriseEditPermissions {
  /** Rename it. */
  readonly rename: boolean;
  /** Move its headquarters (worldwide, or the country's). */
  readonly moveHeadquarters: boolean;
}

export function callerEnterprisePermissions(
  viewer: Viewer,
  employments: readonly Employment[],
  scope: ScopeMap,
): CallerEnterpriseEditPermissions {
  const may = mayEditEnterprise(viewer, employments, scope);
  return { rename: may, moveHeadquarters: may };
}

export function callerCountryEnterprisePermissions(
  viewer: Viewer,
  employments: readonly Employment[],
  scope: ScopeMap,
  countryEnterpriseId: string,
): CallerEnterpriseEditPermissions {
  const may = mayEditCountryEnterprise(viewer, employments, scope, countryEnterpriseId);
  return { rename: may, moveHeadquarters: may };
}
