import type { ContactDetails, ContactType } from './contact.js';
import type { PrivilegesInput } from './privileges.js';
import type { Issued } from '#core';
import type { GrantableRole, MemberDetails, MemberProfile } from './site.events.js';

export type SiteCommand = Issued &
  (
    | {
        type: 'RegisterSite';
        siteId: string;
        name: string;
        primary: MemberProfile & ContactDetails;
        contactId: string;
        contactTypes: ContactType[];
      }
    | { type: 'AddUser'; user: MemberProfile; role: GrantableRole; privileges: PrivilegesInput }
    | { type: 'ChangeUserAccess'; userId: string; role?: GrantableRole; privileges?: PrivilegesInput }
    | { type: 'RemoveUser'; userId: string }
    | {
        type: 'TransferPrimaryContact';
        userId: string;
        formerPrimaryRole: GrantableRole;
        formerPrimaryPrivileges?: PrivilegesInput;
      }
    | {
        type: 'NominateSelf';
        requestId: string;
        firstName: string;
        lastName: string;
        email: string;
        businessJustification: string;
        /** What the requester asks for; omitted: the `user` role, and no privileges. */
        requestedRole?: GrantableRole;
        requestedPrivileges?: PrivilegesInput;
      }
    | { type: 'EditNominationJustification'; requestId: string; businessJustification: string }
    | {
        type: 'GrantAccess';
        requestId: string;
        /** Omitted: the role the request asked for. */
        role?: GrantableRole;
        /** Omitted: the privileges the request asked for when granting its role, else none. */
        privileges?: PrivilegesInput;
        businessJustification?: string;
      }
    | { type: 'DenyAccess'; requestId: string; reason: string; businessJustification?: string }
    | {
        type: 'UpdateContact';
        contactId: string;
        contact: ContactDetails;
        contactTypes: ContactType[];
        userId?: string;
      }
    | { type: 'RemoveContact'; contactId: string }
    | { type: 'ChangeMemberDetails'; userId: string; details: Partial<MemberDetails> }
    | { type: 'ReviewContact'; contactId: string }
  );

export type SiteCommandType = SiteCommand['type'];
export type SiteCommandOf<T extends SiteCommandType> = Extract<SiteCommand, { type: T }>;
