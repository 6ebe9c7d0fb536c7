import { PersistentMap as ImmutableMap, type PersistentMapLike } from '#core';
import type { Contact } from './contact.js';
import { type Privileges, fullPrivileges, normalizePrivileges } from './privileges.js';
import type { GrantableRole, MemberProfile, RequestedAccess, SiteEvent, SiteRole } from './site.events.js';

export interface Member extends MemberProfile {
  readonly role: SiteRole;
  readonly privileges: Privileges;
}

export interface AccessRequest extends MemberProfile, RequestedAccess {
  readonly requestId: string;
  readonly status: 'pending' | 'granted' | 'denied';
  readonly businessJustification: string;
  readonly originalJustification: string;
  readonly verifiedEmail?: string;
}

/**
 * Persistent (immutable, structurally shared) maps: folding a site of 100k events stays linear, and
 * evolve stays pure without copying every member on every event. The counters are kept next to
 * the maps so a decision never scans them.
 */
export interface SiteState {
  readonly exists: boolean;
  readonly siteId: string;
  readonly name: string;
  /** The two maps that grow with a site: a snapshot restores them as LayeredMaps (see site.snapshot). */
  readonly members: PersistentMapLike<string, Member>;
  readonly requests: PersistentMapLike<string, AccessRequest>;
  readonly contacts: ImmutableMap<string, Contact>;
  /** userId → requestId of their pending request, at most one per person. */
  readonly pendingByUser: ImmutableMap<string, string>;
  readonly primaryUserId: string | null;
  readonly secondaryCount: number;
}

export const initialSiteState = (): SiteState => ({
  exists: false,
  siteId: '',
  name: '',
  members: ImmutableMap(),
  requests: ImmutableMap(),
  contacts: ImmutableMap(),
  pendingByUser: ImmutableMap(),
  primaryUserId: null,
  secondaryCount: 0,
});

export function primaryOf(state: SiteState): Member | undefined {
  return state.primaryUserId === null ? undefined : state.members.get(state.primaryUserId);
}

export function secondaryCount(state: SiteState): number {
  return state.secondaryCount;
}

export function pendingRequestOf(state: SiteState, userId: string): AccessRequest | undefined {
  const requestId = state.pendingByUser.get(userId);
  return requestId === undefined ? undefined : state.requests.get(requestId);
}

/** Puts (or with `undefined`, removes) a member, keeping the primary and secondary counters right. */
function withMember(state: SiteState, userId: string, member: Member | undefined): SiteState {
  const before = state.members.get(userId);
  const secondaries = (m: Member | undefined) => (m?.role === 'secondary' ? 1 : 0);
  return {
    ...state,
    members: member === undefined ? state.members.delete(userId) : state.members.set(userId, member),
    secondaryCount: state.secondaryCount - secondaries(before) + secondaries(member),
    primaryUserId: member?.role === 'primary' ? userId : state.primaryUserId === userId ? null : state.primaryUserId,
  };
}

function withRequest(state: SiteState, requestId: string, patch: Partial<AccessRequest>): SiteState {
  const request = { ...state.requests.get(requestId)!, ...patch };
  return {
    ...state,
    requests: state.requests.set(requestId, request),
    pendingByUser:
      request.status === 'pending'
        ? state.pendingByUser.set(request.userId, requestId)
        : state.pendingByUser.delete(request.userId),
  };
}

const profile = ({ userId, firstName, lastName, email, telephone }: MemberProfile): MemberProfile => ({
  userId,
  firstName,
  lastName,
  email,
  ...(telephone !== undefined ? { telephone } : {}),
});

export function evolveSite(state: SiteState, event: SiteEvent): SiteState {
  switch (event.type) {
    case 'SiteRegistered': {
      const { siteId, name, primary, contact } = event.data;
      const registered = {
        ...initialSiteState(),
        exists: true,
        siteId,
        name,
        contacts: ImmutableMap<string, Contact>().set(contact.contactId, contact),
      };
      return withMember(registered, primary.userId, {
        ...profile(primary),
        role: 'primary',
        privileges: fullPrivileges(),
      });
    }
    case 'UserAdded':
      return withMember(state, event.data.userId, {
        ...profile(event.data),
        role: event.data.role,
        privileges: event.data.privileges,
      });
    case 'UserNominated': {
      const { requestId, businessJustification, verifiedEmail, requestedRole, requestedPrivileges } = event.data;
      const request: AccessRequest = {
        ...profile(event.data),
        requestId,
        requestedRole: requestedRole ?? 'user',
        requestedPrivileges: requestedPrivileges ?? normalizePrivileges({}),
        status: 'pending',
        businessJustification,
        originalJustification: businessJustification,
        ...(verifiedEmail ? { verifiedEmail } : {}),
      };
      return {
        ...state,
        requests: state.requests.set(requestId, request),
        pendingByUser: state.pendingByUser.set(request.userId, requestId),
      };
    }
    case 'NominationJustificationEdited':
      return withRequest(state, event.data.requestId, { businessJustification: event.data.to });
    case 'AccessGranted': {
      const granted = withRequest(state, event.data.requestId, { status: 'granted' });
      return withMember(granted, event.data.userId, {
        ...profile(event.data),
        role: event.data.role,
        privileges: event.data.privileges,
      });
    }
    case 'AccessDenied':
      return withRequest(state, event.data.requestId, { status: 'denied' });
    case 'RoleChanged':
      return withMember(state, event.data.userId, { ...state.members.get(event.data.userId)!, role: event.data.to });
    case 'PrivilegesChanged':
      return withMember(state, event.data.userId, {
        ...state.members.get(event.data.userId)!,
        privileges: event.data.to,
      });
    case 'UserRemoved':
      return withMember(state, event.data.userId, undefined);
    case 'PrimaryContactTransferred': {
      const { from, to, formerPrimaryRole, formerPrimaryPrivileges } = event.data;
      const demoted = withMember(state, from.userId, {
        ...state.members.get(from.userId)!,
        role: formerPrimaryRole,
        privileges: formerPrimaryPrivileges,
      });
      return withMember(demoted, to.userId, {
        ...demoted.members.get(to.userId)!,
        role: 'primary',
        privileges: fullPrivileges(),
      });
    }
    case 'ContactUpdated':
      return { ...state, contacts: state.contacts.set(event.data.contactId, event.data.contact) };
    case 'ContactRemoved':
      return { ...state, contacts: state.contacts.delete(event.data.contactId) };
    case 'MemberDetailsChanged': {
      const member = state.members.get(event.data.userId)!;
      return withMember(state, event.data.userId, {
        ...profile({ userId: member.userId, ...event.data.to }),
        role: member.role,
        privileges: member.privileges,
      });
    }
    case 'ContactReviewed':
      // A review changes no decision: the read models keep reviewedAt/reviewedBy.
      return state;
    default:
      return exhaustive(event);
  }
}

function exhaustive(event: never): never {
  throw new Error(`unknown site event ${(event as { type: string }).type}`);
}

export type { GrantableRole };
