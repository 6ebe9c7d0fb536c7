import type { Contact } from './contact.js';
import { type Privileges, fullPrivileges } from './privileges.js';
import type { GrantableRole, MemberProfile, SiteEvent, SiteRole } from './site.events.js';

export interface Member extends MemberProfile {
  readonly role: SiteRole;
  readonly privileges: Privileges;
}

export interface AccessRequest extends MemberProfile {
  readonly requestId: string;
  readonly status: 'pending' | 'granted' | 'denied';
  readonly businessJustification: string;
  readonly originalJustification: string;
}

export interface SiteState {
  readonly exists: boolean;
  readonly siteId: string;
  readonly name: string;
  readonly members: Readonly<Record<string, Member>>;
  readonly requests: Readonly<Record<string, AccessRequest>>;
  readonly contacts: Readonly<Record<string, Contact>>;
}

export const initialSiteState = (): SiteState => ({
  exists: false,
  siteId: '',
  name: '',
  members: {},
  requests: {},
  contacts: {},
});

export function primaryOf(state: SiteState): Member | undefined {
  return Object.values(state.members).find((m) => m.role === 'primary');
}

export function secondaryCount(state: SiteState): number {
  return Object.values(state.members).filter((m) => m.role === 'secondary').length;
}

export function pendingRequestOf(state: SiteState, userId: string): AccessRequest | undefined {
  return Object.values(state.requests).find((r) => r.userId === userId && r.status === 'pending');
}

const withMember = (state: SiteState, member: Member): SiteState => ({
  ...state,
  members: { ...state.members, [member.userId]: member },
});

const withRequest = (state: SiteState, requestId: string, patch: Partial<AccessRequest>): SiteState => ({
  ...state,
  requests: { ...state.requests, [requestId]: { ...state.requests[requestId], ...patch } },
});

const profile = ({ userId, firstName, lastName, email }: MemberProfile): MemberProfile => ({ userId, firstName, lastName, email });

export function evolveSite(state: SiteState, event: SiteEvent): SiteState {
  switch (event.type) {
    case 'SiteRegistered': {
      const { siteId, name, primary, contact } = event.data;
      return {
        ...initialSiteState(),
        exists: true,
        siteId,
        name,
        members: { [primary.userId]: { ...profile(primary), role: 'primary', privileges: fullPrivileges() } },
        contacts: { [contact.contactId]: contact },
      };
    }
    case 'UserAdded':
      return withMember(state, { ...profile(event.data), role: event.data.role, privileges: event.data.privileges });
    case 'UserNominated': {
      const { requestId, businessJustification } = event.data;
      return {
        ...state,
        requests: {
          ...state.requests,
          [requestId]: { ...profile(event.data), requestId, status: 'pending', businessJustification, originalJustification: businessJustification },
        },
      };
    }
    case 'NominationJustificationEdited':
      return withRequest(state, event.data.requestId, { businessJustification: event.data.to });
    case 'AccessGranted': {
      const granted = withRequest(state, event.data.requestId, { status: 'granted' });
      return withMember(granted, { ...profile(event.data), role: event.data.role, privileges: event.data.privileges });
    }
    case 'AccessDenied':
      return withRequest(state, event.data.requestId, { status: 'denied' });
    case 'RoleChanged':
      return withMember(state, { ...state.members[event.data.userId], role: event.data.to });
    case 'PrivilegesChanged':
      return withMember(state, { ...state.members[event.data.userId], privileges: event.data.to });
    case 'UserRemoved': {
      const { [event.data.userId]: _removed, ...members } = state.members;
      return { ...state, members };
    }
    case 'PrimaryContactTransferred': {
      const { from, to, formerPrimaryRole, formerPrimaryPrivileges } = event.data;
      const demoted = withMember(state, { ...state.members[from.userId], role: formerPrimaryRole, privileges: formerPrimaryPrivileges });
      return withMember(demoted, { ...demoted.members[to.userId], role: 'primary', privileges: fullPrivileges() });
    }
    case 'ContactUpdated':
      return { ...state, contacts: { ...state.contacts, [event.data.contactId]: event.data.contact } };
    case 'ContactRemoved': {
      const { [event.data.contactId]: _removed, ...contacts } = state.contacts;
      return { ...state, contacts };
    }
    default:
      return exhaustive(event);
  }
}

function exhaustive(event: never): never {
  throw new Error(`unknown site event ${(event as { type: string }).type}`);
}

export type { GrantableRole };
