import type { Schemas } from '../api/client';
import type { Session } from './session';

/**
 * What the console offers to show, from what the API tells about the caller (/v1/me and
 * /v1/me/sites). Only a hint for the screen: the API decides every command again.
 */
export interface SitePermissions {
  readonly viewUsers: boolean;
  readonly manageUsers: boolean;
  readonly viewContacts: boolean;
  readonly updateContacts: boolean;
  readonly transferPrimary: boolean;
}

const isOperator = (s: Session) => s.me.roles.includes('operator');
const isAuditor = (s: Session) => s.me.roles.includes('auditor');

export function sitePermissions(session: Session, membership: Schemas['MySiteDto'] | undefined): SitePermissions {
  const auditor = isAuditor(session);
  const operator = isOperator(session) && !auditor;
  const primary = membership?.role === 'primary';
  const p = membership?.privileges;
  const manage =
    !auditor && (operator || primary || (membership?.role === 'secondary' && p?.manageAccess === 'update'));
  const contacts = !auditor && (operator || primary || p?.contactUpdates === 'update');
  return {
    viewUsers: auditor || isOperator(session) || primary || p?.manageAccess === 'view' || p?.manageAccess === 'update',
    manageUsers: manage,
    viewContacts:
      auditor || isOperator(session) || primary || (p?.contactUpdates !== undefined && p.contactUpdates !== 'none'),
    updateContacts: contacts,
    transferPrimary: !auditor && (operator || primary),
  };
}

/** Audit search is for auditors, operators and administrators (the API limits the latter to their own scopes). */
export function mayAudit(session: Session, mySites: readonly Schemas['MySiteDto'][]): boolean {
  return (
    isAuditor(session) ||
    isOperator(session) ||
    mySites.some((s) => s.role === 'primary' || s.privileges.manageAccess !== 'none')
  );
}

export const readOnly = (session: Session): boolean => isAuditor(session);
export const operator = (session: Session): boolean => isOperator(session) && !isAuditor(session);
