import { eventRegistry, looksLikeEmail } from '#core';
import type { Contact } from './contact.js';
import { type Privileges, normalizePrivileges } from './privileges.js';

export type SiteRole = 'primary' | 'secondary' | 'user';
export type GrantableRole = Exclude<SiteRole, 'primary'>;

export interface MemberProfile {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** Optional: given when the member is added or their details are edited. */
  readonly telephone?: string;
}

/** What a manager may edit about a member (no authority in it): name, e-mail, telephone. */
export interface MemberDetails {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly telephone?: string;
}

/** What a self-nomination asks for: a grantable role and privileges (omitted: `user`, nothing). */
export interface RequestedAccess {
  readonly requestedRole: GrantableRole;
  readonly requestedPrivileges: Privileges;
}

export interface Change {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** Where the decision e-mail goes: the requester's verified address, never one typed into a request. */
interface Notify {
  readonly verifiedEmail?: string;
}

/** Every fact of a site's stream, past tense, self-contained payloads (ids, before/after values). */
export type SiteEvent =
  | {
      type: 'SiteRegistered';
      data: {
        siteId: string;
        name: string;
        primary: MemberProfile;
        privileges: Privileges;
        contact: Contact;
        registeredBy: string;
      };
    }
  | {
      type: 'UserAdded';
      data: MemberProfile & { siteId: string; role: GrantableRole; privileges: Privileges; addedBy: string };
    }
  | {
      type: 'UserNominated';
      /** `email` is what the requester typed (shown to approvers); mail goes only to `verifiedEmail`, from the token. */
      data: MemberProfile & {
        siteId: string;
        requestId: string;
        businessJustification: string;
        verifiedEmail?: string;
      } & Partial<RequestedAccess>;
    }
  | {
      type: 'NominationJustificationEdited';
      data: { siteId: string; requestId: string; userId: string; from: string; to: string; editedBy: string };
    }
  | {
      type: 'AccessGranted';
      data: MemberProfile &
        Notify & {
          siteId: string;
          requestId: string;
          role: GrantableRole;
          privileges: Privileges;
          grantedBy: string;
          businessJustification: string;
        } & Partial<RequestedAccess>;
    }
  | {
      type: 'AccessDenied';
      data: MemberProfile &
        Notify & { siteId: string; requestId: string; reason: string; deniedBy: string; businessJustification: string };
    }
  | { type: 'RoleChanged'; data: { siteId: string; userId: string; from: SiteRole; to: SiteRole; changedBy: string } }
  | {
      type: 'PrivilegesChanged';
      data: { siteId: string; userId: string; from: Privileges; to: Privileges; changes: Change[]; changedBy: string };
    }
  | {
      type: 'UserRemoved';
      data: MemberProfile & { siteId: string; role: GrantableRole; privileges: Privileges; removedBy: string };
    }
  | {
      type: 'PrimaryContactTransferred';
      data: {
        siteId: string;
        from: MemberProfile;
        to: MemberProfile;
        formerPrimaryRole: GrantableRole;
        formerPrimaryPrivileges: Privileges;
        newPrimaryPreviousRole: GrantableRole;
        newPrimaryPreviousPrivileges: Privileges;
        transferredBy: string;
      };
    }
  | {
      type: 'ContactUpdated';
      data: {
        siteId: string;
        contactId: string;
        contact: Contact;
        created: boolean;
        changes: Change[];
        updatedBy: string;
      };
    }
  | { type: 'ContactRemoved'; data: { siteId: string; contactId: string; contact: Contact; removedBy: string } }
  | {
      type: 'MemberDetailsChanged';
      data: {
        siteId: string;
        userId: string;
        from: MemberDetails;
        to: MemberDetails;
        changes: Change[];
        changedBy: string;
      };
    }
  /** The monthly contact review: someone with contact-update rights confirmed the contact is current. */
  | { type: 'ContactReviewed'; data: { siteId: string; contactId: string; reviewedAt: string; reviewedBy: string } };

export type SiteEventType = SiteEvent['type'];

/**
 * Before decision mail went to verified addresses (2026-12), nominations and decisions carried no
 * `verifiedEmail`. The token's subject was the verified identity then too, so a user id that is
 * an address is read as the verified one.
 */
const withVerifiedEmail = <T extends { userId: string; verifiedEmail?: string }>(
  stored: Record<string, unknown>,
): T => {
  const data = stored as unknown as T;
  if (data.verifiedEmail !== undefined || !looksLikeEmail(data.userId)) return data;
  return { ...data, verifiedEmail: data.userId };
};

/**
 * Before requests said what they ask for (2026-12), a nomination asked for plain access: the
 * `user` role with no privileges, which is what an older nomination is read as.
 */
const withRequestedAccess = (stored: Record<string, unknown>): Record<string, unknown> =>
  stored.requestedRole !== undefined
    ? stored
    : { ...stored, requestedRole: 'user', requestedPrivileges: normalizePrivileges({}) };

/** Every site event type; the upcasters read older stored shapes as today's. */
export const siteEvents = eventRegistry<SiteEvent>({
  SiteRegistered: {},
  UserAdded: {},
  UserNominated: { upcast: (stored) => withVerifiedEmail(withRequestedAccess(stored)) },
  NominationJustificationEdited: {},
  AccessGranted: { upcast: withVerifiedEmail },
  AccessDenied: { upcast: withVerifiedEmail },
  RoleChanged: {},
  PrivilegesChanged: {},
  UserRemoved: {},
  PrimaryContactTransferred: {},
  ContactUpdated: {},
  ContactRemoved: {},
  MemberDetailsChanged: {},
  ContactReviewed: {},
});

export const SITE_EVENT_TYPES: readonly SiteEventType[] = siteEvents.types;
