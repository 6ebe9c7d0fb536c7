import { REMINDER_AFTER_DAYS } from '../../domain/notification-audience.js';
import { confirmationFooter, quoted, siteLabel } from './mail-text.js';

/** A pending request as the outbox keeps it (from UserNominated and justification edits). */
export type PendingRequest = {
  readonly siteId: string;
  readonly requestId: string;
  readonly userId: string;
  readonly businessJustification: string;
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
      `Hello,\n\n${waited}${request.userId} asks for access to ${site}.\n` +
      `Business justification, as the requester wrote it: ${quoted(request.businessJustification)}\n\n` +
      `To decide, sign in and review the request (GET ${base}), then grant it with a role and privileges\n` +
      `  POST ${base}/${request.requestId}/grant\nor deny it with a reason\n  POST ${base}/${request.requestId}/deny\n\n` +
      `${confirmationFooter(request.confirmationNumber)}\n`,
  };
}
