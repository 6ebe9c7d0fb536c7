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
  preferences: 'user_preferences',
} as const;

/** What an event tells about a member; the projection adds when, by which confirmation, at which position. */
export interface MemberFields {
  siteId: string;
  siteName: string;
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: SiteRole;
  privileges: Privileges;
  grantedBy: string;
}

export interface MemberDocument extends MemberFields, Record<string, unknown> {
  _id: string;
  grantedAt: string;
  confirmationNumber: string;
  position: string;
}

export interface JustificationEdit {
  from: string;
  to: string;
  editedBy: string;
  editedAt: string;
  confirmationNumber: string;
}

export interface AccessRequestDocument extends Record<string, unknown> {
  _id: string;
  requestId: string;
  siteId: string;
  siteName: string;
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
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
}

export interface ContactDocument extends Record<string, unknown>, Omit<Contact, 'contactTypes'> {
  _id: string;
  siteId: string;
  contactTypes: ContactType[];
  updatedBy: string;
  updatedAt: string;
  confirmationNumber: string;
  position: string;
}

export interface SiteSummaryDocument extends Record<string, unknown> {
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
}

export interface NotificationDocument extends Record<string, unknown> {
  _id: string;
  notificationId: string;
  userId: string;
  to: string;
  subject: string;
  body: string;
  siteId: string;
  confirmationNumber: string;
  createdAt: string;
  status: 'queued' | 'sent';
  sentAt?: string;
}

export const memberKey = (siteId: string, userId: string) => `${siteId}:${userId}`;
export const contactKey = (siteId: string, contactId: string) => `${siteId}:${contactId}`;
