import type { Contact, ContactType } from '../domain/contact.js';
import type { Privileges } from '../domain/privileges.js';
import type { GrantableRole, SiteRole } from '../domain/site.events.js';

/** Collection names and document shapes of the site-access read models (MongoDB language). */
export const SITE_COLLECTIONS = {
  summaries: 'site_summaries',
  members: 'site_members',
  requests: 'site_access_requests',
  contacts: 'site_contacts',
  notifications: 'notifications',
  /** The outbox's own record of each site's name, so it never reads another projection's collection. */
  outboxSites: 'notification_sites',
  /** The outbox's own record of each person's eNotification address and subscription. */
  outboxPeople: 'notification_people',
  /** The outbox's own record of pending access requests, for their 7-day reminder. */
  outboxRequests: 'notification_requests',
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

/** The latest change to a membership (the grant itself until something changes it). */
export type LastChange = {
  lastChangedAt: string;
  lastChangedBy: string;
  lastConfirmationNumber: string;
};

export type MemberDocument = MemberFields &
  LastChange & {
    _id: string;
    telephone?: string;
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
  /** What the requester asked for (a request filed before they could say: the user role, nothing). */
  requestedRole: GrantableRole;
  requestedPrivileges: Privileges;
  /** What the grant gave, once granted. */
  grantedRole?: GrantableRole;
  grantedPrivileges?: Privileges;
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
  /** The monthly contact review: when and by whom the contact was last confirmed current. */
  reviewedAt?: string;
  reviewedBy?: string;
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

/** What an e-mail is about; the optional kinds are listed in domain/notification-audience.ts. */
export type NotificationKind =
  'access_decision' | 'welcome' | 'access_request' | 'access_request_reminder' | 'contact_review';

export type NotificationDocument = {
  _id: string;
  notificationId: string;
  kind: NotificationKind;
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
  status: 'queued' | 'sent' | 'expired';
  sentAt?: string;
  /** Found queued past MAIL_MAX_AGE_HOURS: not sent (NotificationExpired). */
  expiredAt?: string;
};

/** A person's eNotification e-mail (user-preferences projection). */
export type UserPreferencesDocument = {
  _id: string;
  userId: string;
  /** Absent when the person only ever set their subscription. */
  email?: string;
  /** Absent: subscribed (the default). */
  subscribed?: boolean;
  updatedAt: string;
  position: string;
};

export const memberKey = (siteId: string, userId: string) => `${siteId}:${userId}`;
export const contactKey = (siteId: string, contactId: string) => `${siteId}:${contactId}`;
