import { eventRegistry, looksLikeEmail } from '#core';
import type { Contact } from './contact.js';
import type { Privileges } from './privileges.js';

export type SiteRole = 'primary' | 'secondary' | 'user';
export type GrantableRole = Exclude<SiteRole, 'primary'>;

export interface MemberProfile {
  readonly userId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
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
      };
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
        };
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

/** Every site event type; the upcasters read older stored shapes as today's. */
export const siteEvents = eventRegistry<SiteEvent>({
  SiteRegistered: {},
  UserAdded: {},
  UserNominated: { upcast: withVerifiedEmail },
  NominationJustificationEdited: {},
  AccessGranted: { upcast: withVerifiedEmail },
  AccessDenied: { upcast: withVerifiedEmail },
  RoleChanged: {},
  PrivilegesChanged: {},
  UserRemoved: {},
  PrimaryContactTransferred: {},
  ContactUpdated: {},
  ContactRemoved: {},
  ContactReviewed: {},
});

export const SITE_EVENT_TYPES: readonly SiteEventType[] = siteEvents.types;
