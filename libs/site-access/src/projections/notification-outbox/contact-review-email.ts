import type { ReviewedContact } from '../../domain/notification-audience.js';
import { REVIEW_AFTER_DAYS } from '../../domain/notification-audience.js';
import { confirmationFooter, siteLabel } from './mail-text.js';

export type ContactToReview = ReviewedContact & { readonly firstName: string; readonly lastName: string };

/**
 * The monthly e-mail to the primary and the secondaries with contactUpdates=update: the contacts
 * neither reviewed nor changed for 30 days, by name and type only (telephones, addresses and
 * e-mails stay in the application, behind contact rights), and how to mark each reviewed.
 */
export function contactReviewEmail(
  siteId: string,
  siteName: string,
  month: string,
  contacts: readonly ContactToReview[],
  confirmationNumber: string,
) {
  const site = siteLabel(siteId, siteName);
  const lines = contacts.map(
    (c) =>
      `- ${c.contactId}: ${c.firstName} ${c.lastName} (${c.contactTypes.join(', ') || 'no type'}), ` +
      (c.reviewedAt
        ? `last reviewed ${c.reviewedAt} by ${c.reviewedBy}`
        : `never reviewed, last changed ${c.changedAt}`),
  );
  return {
    subject: `Monthly contact review (${month}) for Passport Advantage ${site}`,
    body:
      `Hello,\n\nThese contacts of ${site} have not been reviewed for ${REVIEW_AFTER_DAYS} days:\n${lines.join('\n')}\n\n` +
      `Check each one (GET /v1/sites/${siteId}/contacts), correct it if needed (PUT /v1/sites/${siteId}/contacts/{contactId}) ` +
      `and mark it reviewed: POST /v1/sites/${siteId}/contacts/{contactId}/review\n\n${confirmationFooter(confirmationNumber)}\n`,
  };
}
