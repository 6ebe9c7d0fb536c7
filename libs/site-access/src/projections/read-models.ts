import type { Contact, ContactType } from '../domain/contact.js';
import type { Privileges } from '../domain/privileges.js';
import type { SiteRole } from '../domain/site.events.js';

/** Collection names and document shapes of the site-access read models (MongoDB language). */
export const SITE_COLLECTIONS = {
  summaries: 'site_summaries',
  members: 'site_members',
  requests: 'site_access_requests',
  contacts: 'site_contacts',
  notifications: 'notifications',
  /** The outbox's own record of each site's name, so it never reads another projection's collection. */
  outboxSites: 'notification_sites',
  preferences: 'user_preferences',
} as const;

/** The person a member or access request document is about, and the site. */
type PersonOnSite = {
  siteId: string;
  siteName: string;
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
};

/** What an event tells about a member; the projection adds when, by which confirmation, at which position. */
export type MemberFields = PersonOnSite & {
  role: SiteRole;
  privileges: Privileges;
  grantedBy: string;
};

export type MemberDocument = MemberFields & {
  _id: string;
  grantedAt: string;
  confirmationNumber: string;
  position: string;
};

export interface JustificationEdit {
  from: string;
  to: string;
  editedBy: string;
  editedAt: string;
  confirmationNumber: string;
}

export type AccessRequestDocument = PersonOnSite & {
  _id: string;
  requestId: string;
  /** From the requester's token: where the decision is mailed; never shown to approvers. */
  verifiedEmail?: string;
  businessJustification: string;
  originalJustification: string;
  justificationEdits: JustificationEdit[];
  status: 'pending' | 'granted' | 'denied';
  requestedAt: string;
  confirmationNumber: string;
  decidedBy?: string;
  decidedAt?: string;
  decisionConfirmationNumber?: string;
  reason?: string;
  position: string;
};

export type ContactDocument = Omit<Contact, 'contactTypes'> & {
  _id: string;
  siteId: string;
  contactTypes: ContactType[];
  updatedBy: string;
  updatedAt: string;
  confirmationNumber: string;
  position: string;
};

export type SiteSummaryDocument = {
  _id: string;
  siteId: string;
  name: string;
  primaryContact: Pick<MemberDocument, 'userId' | 'firstName' | 'lastName' | 'email'> | null;
  secondaryContacts: Pick<MemberDocument, 'userId' | 'firstName' | 'lastName' | 'email' | 'privileges'>[];
  userCount: number;
  pendingRequestCount: number;
  contactCount: number;
  warnings: string[];
  registeredAt: string;
  registeredBy: string;
  position: string;
};

export type NotificationDocument = {
  _id: string;
  notificationId: string;
  userId: string;
  to: string;
  subject: string;
  body: string;
  /** Absent for partner-profile e-mails, which name their enterprise and location instead. */
  siteId?: string;
  enterpriseId?: string;
  locationId?: string;
  confirmationNumber: string;
  createdAt: string;
  status: 'queued' | 'sent';
  sentAt?: string;
};

/** A person's eNotification e-mail (user-preferences projection). */
export type UserPreferencesDocument = {
  _id: string;
  userId: string;
  email: string;
  updatedAt: string;
  position: string;
};

export const memberKey = (siteId: string, userId: string) => `${siteId}:${userId}`;
export const contactKey = (siteId: string, contactId: string) => `${siteId}:${contactId}`;
