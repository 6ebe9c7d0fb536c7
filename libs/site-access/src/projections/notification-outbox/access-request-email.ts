import { REMINDER_AFTER_DAYS } from '../../domain/notification-audience.js';
import { PRIVILEGE_KEYS, type Privileges } from '../../domain/privileges.js';
import { confirmationFooter, quoted, siteLabel } from './mail-text.js';

/** A pending request as the outbox keeps it (from UserNominated and justification edits). */
export type PendingRequest = {
  readonly siteId: string;
  readonly requestId: string;
  readonly userId: string;
  readonly businessJustification: string;
  /** What the nomination asks for (older outbox documents lack it: then only "access"). */
  readonly requestedRole?: string;
  readonly requestedPrivileges?: Privileges;
  readonly requestedAt: string;
  readonly confirmationNumber: string;
};

/**
 * The e-mail approvers (the primary and secondaries with manageAccess=update) receive when someone
 * nominates themselves, and its reminder once the request has waited: who asked (their verified
 * user id; names they typed stay out), for what, their justification quoted on one line, and the
 * API paths that decide it.
 */
export function accessRequestEmail(request: PendingRequest, siteName: string, reminder = false) {
  const site = siteLabel(request.siteId, siteName);
  const base = `/v1/sites/${request.siteId}/access-requests`;
  const waited = reminder
    ? `This request has waited ${REMINDER_AFTER_DAYS} days for a decision (requested ${request.requestedAt}).\n\n`
    : '';
  return {
    subject: `${reminder ? 'Reminder: access request waiting' : 'Access request'} for Passport Advantage ${site}`,
    body:
      `Hello,\n\n${waited}${request.userId} asks for access to ${site}${asked(request)}.\n` +
      `Business justification, as the requester wrote it: ${quoted(request.businessJustification)}\n\n` +
      `To decide, sign in and review the request (GET ${base}), then grant it with a role and privileges\n` +
      `  POST ${base}/${request.requestId}/grant\nor deny it with a reason\n  POST ${base}/${request.requestId}/deny\n\n` +
      `${confirmationFooter(request.confirmationNumber)}\n`,
  };
}

/** " as secondary, with softwareAccess=downloads, manageAccess=view" (levels above none only). */
function asked(request: PendingRequest): string {
  if (request.requestedRole === undefined) return '';
  const privileges = request.requestedPrivileges;
  const levels = privileges
    ? PRIVILEGE_KEYS.filter((k) => privileges[k] !== 'none').map((k) => `${k}=${privileges[k]}`)
    : [];
  return ` as ${request.requestedRole}, with ${levels.length > 0 ? levels.join(', ') : 'no privileges'}`;
}
