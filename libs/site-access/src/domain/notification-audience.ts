import { looksLikeEmail } from '#core';
import type { ContactType } from './contact.js';
import type { Privileges } from './privileges.js';
import type { SiteRole } from './site.events.js';

/**
 * Who is told what, and where it goes. Decision e-mails (a grant, a denial, a welcome after a
 * direct add) tell a person about their own access and always go out. The others are optional and
 * skipped for people who unsubscribed (`PUT /v1/me/notification-preferences {subscribed:false}`):
 * a new request to approve, its 7-day reminder, the monthly contact review.
 */
export const OPTIONAL_EMAILS = ['access_request', 'access_request_reminder', 'contact_review'] as const;
export type OptionalEmail = (typeof OPTIONAL_EMAILS)[number];

/** A request waits this long before its approvers are reminded. */
export const REMINDER_AFTER_DAYS = 7;
/** A contact not reviewed (or changed) for this long is listed in the monthly review. */
export const REVIEW_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A primary or secondary, as the outbox keeps them (users approve nothing). */
export type SiteAdministrator = {
  readonly userId: string;
  readonly role: SiteRole;
  readonly manageAccess: Privileges['manageAccess'];
  readonly contactUpdates: Privileges['contactUpdates'];
};

/** Who decides requests: the primary and every secondary with manageAccess=update. */
export const approversOf = (admins: readonly SiteAdministrator[]): string[] =>
  admins
    .filter((a) => a.role === 'primary' || (a.role === 'secondary' && a.manageAccess === 'update'))
    .map((a) => a.userId);

/** Who reviews contacts: the primary and every secondary with contactUpdates=update. */
export const contactReviewersOf = (admins: readonly SiteAdministrator[]): string[] =>
  admins
    .filter((a) => a.role === 'primary' || (a.role === 'secondary' && a.contactUpdates === 'update'))
    .map((a) => a.userId);

/** A person's own settings, as the outbox keeps them. */
export type NotificationPerson = {
  readonly email?: string;
  readonly subscribed?: boolean;
};

/**
 * Where a person's e-mail goes: the eNotification address they set themselves, else their sign-in
 * id when it is an address; never an address someone else typed (null: nobody to send to).
 */
export function addressOf(userId: string, person: NotificationPerson | undefined): string | null {
  return person?.email ?? (looksLikeEmail(userId) ? userId : null);
}

/** Whether an optional e-mail goes to this person (subscribed unless they opted out). */
export const receivesOptional = (person: NotificationPerson | undefined): boolean => person?.subscribed !== false;

export const reminderDueAt = (requestedAt: string): string =>
  new Date(Date.parse(requestedAt) + REMINDER_AFTER_DAYS * DAY_MS).toISOString();

/** `YYYY-MM` (UTC) of an instant. */
export const monthOf = (at: string): string => at.slice(0, 7);

/** The first instant (UTC) of the calendar month after the one `at` is in. */
export function nextMonthStart(at: string): string {
  const d = new Date(at);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString();
}

/** A contact as the monthly review sees it: when it was last reviewed, or else last changed. */
export type ReviewedContact = {
  readonly contactId: string;
  readonly contactTypes: readonly ContactType[];
  readonly changedAt: string;
  readonly reviewedAt?: string;
  readonly reviewedBy?: string;
};

/** The contacts neither reviewed nor changed in the REVIEW_AFTER_DAYS before `at`, by id. */
export function contactsDueForReview<C extends ReviewedContact>(contacts: readonly C[], at: string): C[] {
  const cutoff = Date.parse(at) - REVIEW_AFTER_DAYS * DAY_MS;
  return contacts
    .filter((c) => Date.parse(c.reviewedAt ?? c.changedAt) <= cutoff)
    .sort((a, b) => a.contactId.localeCompare(b.contactId));
}
