import { type Privileges, atLeast } from './privileges.js';
import type { SiteRole } from './site.events.js';
import { type Actor, mayIssueCommands } from '#core';

/** Who is asking: the one actor type of every context (libs/core). */
export type { Actor };

/** The caller's standing on one site, from the aggregate (writes) or the members read model (reads). */
export interface Standing {
  readonly role: SiteRole;
  readonly privileges: Privileges;
}

type Rule = (actor: Actor, standing: Standing | undefined) => boolean;

const isPrimary = (s: Standing | undefined) => s?.role === 'primary';
const secondaryWith = (s: Standing | undefined, key: 'manageAccess' | 'contactUpdates', level: 'view' | 'update') =>
  s?.role === 'secondary' && atLeast(s.privileges, key, level);

/** Who may do what on a site, one rule per action. */
export const sitePermissions = {
  viewSummary: (a, s) => s !== undefined || a.operator || a.auditor,
  viewUsers: (a, s) => isPrimary(s) || secondaryWith(s, 'manageAccess', 'view') || a.operator || a.auditor,
  manageAccess: (a, s) => isPrimary(s) || secondaryWith(s, 'manageAccess', 'update') || a.operator,
  viewContacts: (a, s) => isPrimary(s) || secondaryWith(s, 'contactUpdates', 'view') || a.operator || a.auditor,
  updateContacts: (a, s) => isPrimary(s) || secondaryWith(s, 'contactUpdates', 'update') || a.operator,
  transferPrimary: (a, s) => isPrimary(s) || a.operator,
} satisfies Record<string, Rule>;

export type SitePermission = keyof typeof sitePermissions;

/**
 * Whether a command needing `permission` is let through for this caller: the rule, and no auditor
 * (auditors change nothing, whatever else their token carries). The deciders authorise with this.
 */
export function mayCommand(permission: SitePermission, actor: Actor, standing: Standing | undefined): boolean {
  return mayIssueCommands(actor) && sitePermissions[permission](actor, standing);
}

/** What the caller may do on a site, as `GET /v1/sites/{siteId}` tells them (each flag: the API would answer or accept it). */
export interface CallerSitePermissions {
  /** List users and access requests, download the users report (`viewUsers`). */
  readonly viewUsers: boolean;
  /** Add, change and remove users, decide access requests (`manageAccess`, a command). */
  readonly manageUsers: boolean;
  /** List contacts and recipients (`viewContacts`). */
  readonly viewContacts: boolean;
  /** Create, replace, review and remove contacts (`updateContacts`, a command; also needs a recent sign-in). */
  readonly updateContacts: boolean;
  /** Transfer the primary contact role (`transferPrimary`, a command). */
  readonly transferPrimary: boolean;
}

/** The caller's flags on one site, from the same rules the queries (`sitePermissions`) and deciders (`mayCommand`) apply. */
export function callerSitePermissions(actor: Actor, standing: Standing | undefined): CallerSitePermissions {
  return {
    viewUsers: sitePermissions.viewUsers(actor, standing),
    manageUsers: mayCommand('manageAccess', actor, standing),
    viewContacts: sitePermissions.viewContacts(actor, standing),
    updateContacts: mayCommand('updateContacts', actor, standing),
    transferPrimary: mayCommand('transferPrimary', actor, standing),
  };
}

/** Contact updates need a sign-in no older than this ("you will be asked to identify yourself"). */
export const REAUTHENTICATION_WINDOW_MS = 15 * 60 * 1000;

export function recentlyAuthenticated(actor: Actor, now: string): boolean {
  if (!actor.authTime) return false;
  const age = Date.parse(now) - Date.parse(actor.authTime);
  return age >= -60_000 && age <= REAUTHENTICATION_WINDOW_MS;
}

/** The sites among a person's memberships where their standing alone (no platform role) grants `permission`. */
export function sitesGranting(
  permission: SitePermission,
  userId: string,
  memberships: readonly (Standing & { readonly siteId: string })[],
): string[] {
  const member: Actor = { userId, operator: false, auditor: false };
  return memberships.filter((m) => sitePermissions[permission](member, m)).map((m) => m.siteId);
}
