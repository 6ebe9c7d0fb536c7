import type { AdministeredScopes, AuditDescriber, AuditedEvent, AuditFacts } from '#audit/ports/index';
import type { DocumentStore } from '#read-store';
import type { NotificationDeliveryEvent } from '../domain/notification-delivery.js';
import { PRIVILEGE_KEYS, type Privileges, privilegeChanges } from '../domain/privileges.js';
import { SITE_EVENT_TYPES, type SiteEvent, siteEvents } from '../domain/site.events.js';
import type { UserPreferencesEvent } from '../domain/user-preferences.js';
import { SCHEDULED_NOTICE_TYPES, type ScheduledNoticeEvent } from '../domain/scheduled-notice.js';
import { isContactChange, withoutContactDetails } from '../domain/contact.redaction.js';
import { asSeenByTarget } from '../domain/target-redaction.js';
import { sitesWhere } from './administered-sites.js';

/** How site access explains its events (site, eNotification preferences, e-mail deliveries) to the audit trail. */
export const siteAuditDescriber: AuditDescriber = {
  eventTypes: [
    ...SITE_EVENT_TYPES,
    'NotificationEmailChanged',
    'NotificationSubscriptionChanged',
    'NotificationSent',
    'NotificationExpired',
    ...SCHEDULED_NOTICE_TYPES,
  ],
  describe(event: AuditedEvent) {
    const siteEvent = siteEvents.read(event);
    if (siteEvent) return describeSiteEvent(siteEvent);
    if (event.type === 'NotificationEmailChanged' || event.type === 'NotificationSubscriptionChanged')
      return describeUserPreferencesEvent(event as unknown as UserPreferencesEvent);
    if ((SCHEDULED_NOTICE_TYPES as readonly string[]).includes(event.type))
      return describeScheduledNotice(event as unknown as ScheduledNoticeEvent);
    return describeNotificationDeliveryEvent(event as unknown as NotificationDeliveryEvent);
  },
  withoutContactDetails,
  isContactChange,
  asSeenByTarget,
};

/** Sites a person administers (audit scope) and those whose contacts they may see. */
export function siteAdministeredScopes(store: DocumentStore): AdministeredScopes {
  return {
    async scopesOf(userId) {
      const sites = await sitesWhere(store, userId, 'viewUsers');
      return sites.length > 0 ? [{ 'scope.siteId': { $in: sites } }] : [];
    },
    async contactViewer(userId) {
      const sites = new Set(await sitesWhere(store, userId, 'viewContacts'));
      return (scope) => scope.siteId !== undefined && sites.has(scope.siteId);
    },
  };
}

const NONE = Object.fromEntries(PRIVILEGE_KEYS.map((k) => [k, 'none'])) as Privileges;
const granted = (role: string, privileges: Privileges) => [
  { field: 'role', from: null, to: role },
  ...privilegeChanges(NONE, privileges),
];

/** The audit view of one site event: scope, the people it concerns, and before/after values. */
export function describeSiteEvent(event: SiteEvent): AuditFacts {
  const scope = { siteId: event.data.siteId };
  switch (event.type) {
    case 'SiteRegistered':
      return {
        scope,
        targetUserIds: [event.data.primary.userId],
        changes: [{ field: 'site', from: null, to: event.data.name }, ...granted('primary', event.data.privileges)],
      };
    case 'UserAdded':
      return { scope, targetUserIds: [event.data.userId], changes: granted(event.data.role, event.data.privileges) };
    case 'UserNominated':
      return {
        scope,
        targetUserIds: [event.data.userId],
        changes: [
          { field: 'request', from: null, to: 'pending' },
          ...requested(event.data.requestedRole, event.data.requestedPrivileges),
        ],
        justification: event.data.businessJustification,
      };
    case 'NominationJustificationEdited':
      return {
        scope,
        targetUserIds: [event.data.userId],
        changes: [{ field: 'businessJustification', from: event.data.from, to: event.data.to }],
        justification: event.data.to,
      };
    case 'AccessGranted':
      return {
        scope,
        targetUserIds: [event.data.userId],
        changes: [
          { field: 'request', from: 'pending', to: 'granted' },
          ...granted(event.data.role, event.data.privileges),
          ...requestedVersusGranted(event.data),
        ],
        justification: event.data.businessJustification,
      };
    case 'AccessDenied':
      return {
        scope,
        targetUserIds: [event.data.userId],
        changes: [{ field: 'request', from: 'pending', to: 'denied' }],
        justification: event.data.businessJustification,
        reason: event.data.reason,
      };
    case 'RoleChanged':
      return {
        scope,
        targetUserIds: [event.data.userId],
        changes: [{ field: 'role', from: event.data.from, to: event.data.to }],
      };
    case 'PrivilegesChanged':
      return { scope, targetUserIds: [event.data.userId], changes: event.data.changes };
    case 'UserRemoved':
      return {
        scope,
        targetUserIds: [event.data.userId],
        changes: [{ field: 'role', from: event.data.role, to: null }],
      };
    case 'PrimaryContactTransferred': {
      const { from, to, formerPrimaryRole, newPrimaryPreviousRole } = event.data;
      return {
        scope,
        targetUserIds: [to.userId, from.userId],
        changes: [
          { field: `role(${to.userId})`, from: newPrimaryPreviousRole, to: 'primary' },
          { field: `role(${from.userId})`, from: 'primary', to: formerPrimaryRole },
        ],
      };
    }
    case 'ContactUpdated':
      return {
        scope,
        targetUserIds: event.data.contact.userId ? [event.data.contact.userId] : [],
        changes: event.data.changes.map((c) => ({ ...c, field: `contact(${event.data.contactId}).${c.field}` })),
      };
    case 'ContactRemoved':
      return {
        scope,
        targetUserIds: event.data.contact.userId ? [event.data.contact.userId] : [],
        changes: [{ field: `contact(${event.data.contactId})`, from: event.data.contact.email, to: null }],
      };
    case 'MemberDetailsChanged':
      return { scope, targetUserIds: [event.data.userId], changes: event.data.changes };
    case 'ContactReviewed':
      return {
        scope,
        targetUserIds: [],
        changes: [{ field: `contact(${event.data.contactId}).reviewedAt`, from: null, to: event.data.reviewedAt }],
      };
  }
}

/** What a nomination asks for: `requested.role`, and `requested.privileges.<key>` for every level above none. */
function requested(role: string | undefined, privileges: Privileges | undefined) {
  if (role === undefined) return [];
  return [
    { field: 'requested.role', from: null, to: role },
    ...privilegeChanges(NONE, privileges ?? NONE).map((c) => ({ ...c, field: `requested.${c.field}` })),
  ];
}

/**
 * Requested versus granted, on the grant: `requested.role` and each `requested.privileges.<key>`
 * where either side holds a level, from what was asked to what was granted (a grant recorded
 * before requests said what they ask for has none).
 */
function requestedVersusGranted(data: {
  role: string;
  privileges: Privileges;
  requestedRole?: string;
  requestedPrivileges?: Privileges;
}) {
  if (data.requestedRole === undefined) return [];
  const asked = data.requestedPrivileges ?? NONE;
  return [
    { field: 'requested.role', from: data.requestedRole, to: data.role },
    ...PRIVILEGE_KEYS.filter((k) => asked[k] !== 'none' || data.privileges[k] !== 'none').map((k) => ({
      field: `requested.privileges.${k}`,
      from: asked[k],
      to: data.privileges[k],
    })),
  ];
}

export function describeUserPreferencesEvent(event: UserPreferencesEvent): AuditFacts {
  const field = event.type === 'NotificationEmailChanged' ? 'notificationEmail' : 'notificationSubscribed';
  return {
    scope: {},
    targetUserIds: [event.data.userId],
    changes: [{ field, from: event.data.from, to: event.data.to }],
  };
}

/** A reminder or a monthly contact review the scheduler found due (the e-mails follow in the outbox). */
export function describeScheduledNotice(event: ScheduledNoticeEvent): AuditFacts {
  const scope = { siteId: event.data.siteId };
  return event.type === 'AccessRequestReminderDue'
    ? {
        scope,
        targetUserIds: [],
        changes: [{ field: `request(${event.data.requestId}).reminder`, from: null, to: event.data.dueAt }],
      }
    : {
        scope,
        targetUserIds: [],
        changes: [{ field: `contactReview(${event.data.month})`, from: null, to: event.data.dueAt }],
      };
}

export function describeNotificationDeliveryEvent(event: NotificationDeliveryEvent): AuditFacts {
  return {
    scope: {},
    targetUserIds: [],
    changes: [
      {
        field: `notification(${event.data.notificationId})`,
        from: 'queued',
        to: event.type === 'NotificationSent' ? 'sent' : 'expired',
      },
    ],
  };
}
