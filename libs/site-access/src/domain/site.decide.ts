import { siteError } from './site.errors.js';
import { DomainError, forbidden, notFound, refuseAuditors, routeByType } from '#core';
import { type Contact, contactChanges } from './contact.js';
import {
  PRIVILEGE_KEYS,
  type Privileges,
  atLeast,
  fullPrivileges,
  fullUserPrivileges,
  hasAccountManagement,
  normalizePrivileges,
  privilegeChanges,
  samePrivileges,
} from './privileges.js';
import type { SiteCommand, SiteCommandOf } from './site.commands.js';
import { detailsOf, editedDetails, memberDetailsChanges } from './member-details.js';
import type { GrantableRole, SiteEvent, SiteRole } from './site.events.js';
import { type SitePermission, mayCommand, recentlyAuthenticated } from './site.permissions.js';
import {
  type AccessRequest,
  type Member,
  type SiteState,
  pendingRequestOf,
  primaryOf,
  secondaryCount,
} from './site.state.js';

export const MAX_SECONDARY_CONTACTS = 4;

/** Refuses auditors, registers new sites and routes every other command to its own small decision; all of them pure. */
export function decideSite(command: SiteCommand, state: SiteState): SiteEvent[] {
  refuseAuditors(command.actor);
  if (command.type === 'RegisterSite') return registerSite(command, state);
  if (!state.exists) throw notFound(`Site ${siteIdOf(state)} does not exist.`);
  return decideOnSite(command, state);
}

/** The decisions on a registered site, one per command. */
const decideOnSite = routeByType<Exclude<SiteCommand, { type: 'RegisterSite' }>, SiteState, SiteEvent>({
  AddUser: addUser,
  ChangeUserAccess: changeUserAccess,
  RemoveUser: removeUser,
  TransferPrimaryContact: transferPrimaryContact,
  NominateSelf: nominateSelf,
  EditNominationJustification: editNominationJustification,
  GrantAccess: grantAccess,
  DenyAccess: denyAccess,
  UpdateContact: updateContact,
  RemoveContact: removeContact,
  ChangeMemberDetails: changeMemberDetails,
  ReviewContact: reviewContact,
});

const siteIdOf = (state: SiteState) => state.siteId || 'requested';

function authorize(permission: SitePermission, command: SiteCommand, state: SiteState): void {
  if (!mayCommand(permission, command.actor, state.members.get(command.actor.userId))) {
    throw forbidden(`You may not ${describe[permission]} on site ${state.siteId}.`);
  }
}

const describe: Record<SitePermission, string> = {
  viewSummary: 'view this site',
  viewUsers: 'view users',
  manageAccess: 'manage access',
  viewContacts: 'view contacts',
  updateContacts: 'update contacts',
  transferPrimary: 'transfer the primary contact role',
};

function registerSite(command: SiteCommandOf<'RegisterSite'>, state: SiteState): SiteEvent[] {
  if (!command.actor.operator) throw forbidden('Only platform operators register sites.');
  if (state.exists) throw siteError('SITE_EXISTS', `Site ${state.siteId} is already registered.`);
  const { userId, firstName, lastName, email, ...address } = command.primary;
  const contactTypes = [...new Set(command.contactTypes)].sort();
  const contact: Contact = {
    contactId: command.contactId,
    userId,
    firstName,
    lastName,
    email,
    ...address,
    contactTypes,
  };
  return [
    {
      type: 'SiteRegistered',
      data: {
        siteId: command.siteId,
        name: command.name,
        primary: { userId, firstName, lastName, email },
        privileges: fullPrivileges(),
        contact,
        registeredBy: command.actor.userId,
      },
    },
  ];
}

function addUser(command: SiteCommandOf<'AddUser'>, state: SiteState): SiteEvent[] {
  authorize('manageAccess', command, state);
  const { userId } = command.user;
  assertNotSelf(command, userId, 'add yourself to a site; ask an administrator or nominate yourself');
  const privileges = newMemberPrivileges(command, state, userId, command.role, command.privileges);
  if (pendingRequestOf(state, userId)) {
    throw siteError(
      'REQUEST_PENDING',
      `${userId} has a pending access request on site ${state.siteId}; grant or deny it instead.`,
    );
  }
  if (command.role === 'secondary') assertSecondaryRoom(state, 1);
  return [
    {
      type: 'UserAdded',
      data: { ...command.user, siteId: state.siteId, role: command.role, privileges, addedBy: command.actor.userId },
    },
  ];
}

function changeUserAccess(command: SiteCommandOf<'ChangeUserAccess'>, state: SiteState): SiteEvent[] {
  authorize('manageAccess', command, state);
  const member = existingMember(state, command.userId);
  if (member.role === 'primary') throw primaryImmutable(state);
  assertNotSelf(command, command.userId, 'change your own role or privileges');
  const role = command.role ?? member.role;
  const privileges = command.privileges ? normalizePrivileges(command.privileges) : member.privileges;
  checkedPrivileges(role as GrantableRole, privileges);
  assertWithinOwnAuthority(command, state, member.privileges, privileges);
  const events: SiteEvent[] = [];
  const by = command.actor.userId;
  if (role !== member.role) {
    if (role === 'secondary') assertSecondaryRoom(state, 1);
    events.push({
      type: 'RoleChanged',
      data: { siteId: state.siteId, userId: member.userId, from: member.role, to: role, changedBy: by },
    });
  }
  if (!samePrivileges(privileges, member.privileges)) {
    events.push({
      type: 'PrivilegesChanged',
      data: {
        siteId: state.siteId,
        userId: member.userId,
        from: member.privileges,
        to: privileges,
        changes: privilegeChanges(member.privileges, privileges),
        changedBy: by,
      },
    });
  }
  return events;
}

function removeUser(command: SiteCommandOf<'RemoveUser'>, state: SiteState): SiteEvent[] {
  authorize('manageAccess', command, state);
  const member = existingMember(state, command.userId);
  if (member.role === 'primary') throw primaryImmutable(state);
  const { userId, firstName, lastName, email, privileges } = member;
  return [
    {
      type: 'UserRemoved',
      data: {
        siteId: state.siteId,
        userId,
        firstName,
        lastName,
        email,
        role: member.role as GrantableRole,
        privileges,
        removedBy: command.actor.userId,
      },
    },
  ];
}

function transferPrimaryContact(command: SiteCommandOf<'TransferPrimaryContact'>, state: SiteState): SiteEvent[] {
  authorize('transferPrimary', command, state);
  const next = existingMember(state, command.userId);
  if (next.role === 'primary') return [];
  const current = primaryOf(state)!;
  const secondariesAfter =
    secondaryCount(state) - (next.role === 'secondary' ? 1 : 0) + (command.formerPrimaryRole === 'secondary' ? 1 : 0);
  if (secondariesAfter > MAX_SECONDARY_CONTACTS) throw secondaryLimit(state);
  const formerPrimaryPrivileges = checkedPrivileges(
    command.formerPrimaryRole,
    command.formerPrimaryPrivileges ?? fullUserPrivileges(),
  );
  const profile = ({ userId, firstName, lastName, email }: Member) => ({ userId, firstName, lastName, email });
  return [
    {
      type: 'PrimaryContactTransferred',
      data: {
        siteId: state.siteId,
        from: profile(current),
        to: profile(next),
        formerPrimaryRole: command.formerPrimaryRole,
        formerPrimaryPrivileges,
        newPrimaryPreviousRole: next.role as GrantableRole,
        newPrimaryPreviousPrivileges: next.privileges,
        transferredBy: command.actor.userId,
      },
    },
  ];
}

function nominateSelf(command: SiteCommandOf<'NominateSelf'>, state: SiteState): SiteEvent[] {
  const userId = command.actor.userId;
  if (state.members.has(userId)) throw siteError('ALREADY_MEMBER', `You are already a member of site ${state.siteId}.`);
  if (pendingRequestOf(state, userId)) {
    throw siteError('REQUEST_PENDING', `You already have a pending access request on site ${state.siteId}.`);
  }
  const { requestId, firstName, lastName, email, businessJustification } = command;
  const requestedRole = command.requestedRole ?? 'user';
  const requestedPrivileges = checkedPrivileges(requestedRole, command.requestedPrivileges ?? {});
  return [
    {
      type: 'UserNominated',
      data: {
        siteId: state.siteId,
        requestId,
        userId,
        firstName,
        lastName,
        email,
        ...verifiedEmailOf(command.actor),
        businessJustification,
        requestedRole,
        requestedPrivileges,
      },
    },
  ];
}

function editNominationJustification(
  command: SiteCommandOf<'EditNominationJustification'>,
  state: SiteState,
): SiteEvent[] {
  authorize('manageAccess', command, state);
  const request = pendingRequest(state, command.requestId);
  assertNotSelf(command, request.userId, "edit your own request's justification once it is filed");
  return justificationEdit(state, request.requestId, command.businessJustification, command.actor.userId);
}

/**
 * Grants what the request asked for, or what the approver says instead: an omitted role is the
 * requested one; omitted privileges are the requested ones when that role is granted, else none.
 * Either way the approver's own authority bounds it (a secondary never grants above their level).
 */
function grantAccess(command: SiteCommandOf<'GrantAccess'>, state: SiteState): SiteEvent[] {
  const request = requestToDecide(command, state);
  const role = command.role ?? request.requestedRole;
  const asked = command.privileges ?? (role === request.requestedRole ? request.requestedPrivileges : {});
  const privileges = newMemberPrivileges(command, state, request.userId, role, asked);
  if (role === 'secondary') assertSecondaryRoom(state, 1);
  const { facts, businessJustification, edits } = decision(command, state, request);
  const { requestedRole, requestedPrivileges } = request;
  return [
    ...edits,
    {
      type: 'AccessGranted',
      data: {
        ...facts,
        role,
        privileges,
        grantedBy: command.actor.userId,
        businessJustification,
        requestedRole,
        requestedPrivileges,
      },
    },
  ];
}

function denyAccess(command: SiteCommandOf<'DenyAccess'>, state: SiteState): SiteEvent[] {
  const request = requestToDecide(command, state);
  const reason = command.reason.trim();
  if (reason === '')
    throw new DomainError('VALIDATION_FAILED', 'Denying access needs a reason.', [
      { field: 'reason', message: 'reason must not be empty' },
    ]);
  const { facts, businessJustification, edits } = decision(command, state, request);
  return [
    ...edits,
    { type: 'AccessDenied', data: { ...facts, reason, deniedBy: command.actor.userId, businessJustification } },
  ];
}

/** The pending request a manager grants or denies: never their own. */
function requestToDecide(command: SiteCommandOf<'GrantAccess' | 'DenyAccess'>, state: SiteState): AccessRequest {
  authorize('manageAccess', command, state);
  const request = pendingRequest(state, command.requestId);
  assertNotSelf(command, request.userId, 'decide your own access request');
  return request;
}

/**
 * What granting and denying share: the requester as the request names them, the justification as
 * it stands after the decision (edited by it, or as filed), and the edit event when it changes.
 */
function decision(command: SiteCommandOf<'GrantAccess' | 'DenyAccess'>, state: SiteState, request: AccessRequest) {
  const { requestId, userId, firstName, lastName, email } = request;
  return {
    facts: { siteId: state.siteId, requestId, userId, firstName, lastName, email, ...verifiedEmailOf(request) },
    businessJustification: command.businessJustification ?? request.businessJustification,
    edits: justificationEdit(state, requestId, command.businessJustification, command.actor.userId),
  };
}

function updateContact(command: SiteCommandOf<'UpdateContact'>, state: SiteState): SiteEvent[] {
  authorize('updateContacts', command, state);
  assertFreshSignIn(command);
  if (command.userId !== undefined && !state.members.has(command.userId)) {
    throw siteError(
      'NOT_A_MEMBER',
      `${command.userId} is not a member of site ${state.siteId}; a contact can only be linked to a member.`,
    );
  }
  const before = state.contacts.get(command.contactId);
  const contact: Contact = {
    contactId: command.contactId,
    ...command.contact,
    contactTypes: [...new Set(command.contactTypes)].sort(),
    ...(command.userId !== undefined ? { userId: command.userId } : {}),
  };
  const changes = contactChanges(before, contact);
  if (before && changes.length === 0) return [];
  return [
    {
      type: 'ContactUpdated',
      data: {
        siteId: state.siteId,
        contactId: command.contactId,
        contact,
        created: before === undefined,
        changes,
        updatedBy: command.actor.userId,
      },
    },
  ];
}

function removeContact(command: SiteCommandOf<'RemoveContact'>, state: SiteState): SiteEvent[] {
  authorize('updateContacts', command, state);
  assertFreshSignIn(command);
  const contact = state.contacts.get(command.contactId);
  if (!contact) throw notFound(`Site ${state.siteId} has no contact ${command.contactId}.`);
  return [
    {
      type: 'ContactRemoved',
      data: { siteId: state.siteId, contactId: command.contactId, contact, removedBy: command.actor.userId },
    },
  ];
}

/**
 * A manager edits a member's name, e-mail or telephone. Details carry no authority, so a manager
 * may edit their own; the primary contact's details are the primary's own (or an operator's) to edit.
 */
function changeMemberDetails(command: SiteCommandOf<'ChangeMemberDetails'>, state: SiteState): SiteEvent[] {
  authorize('manageAccess', command, state);
  if (Object.values(command.details).every((value) => value === undefined)) {
    throw new DomainError('VALIDATION_FAILED', 'Send at least one of firstName, lastName, email, telephone.', [
      { field: 'body', message: 'nothing to change' },
    ]);
  }
  const member = existingMember(state, command.userId);
  const { actor } = command;
  if (member.role === 'primary' && actor.userId !== member.userId && !actor.operator) {
    throw forbidden(
      `Only the primary contact or an operator edits the primary contact's details on site ${state.siteId}.`,
    );
  }
  const from = detailsOf(member);
  const to = editedDetails(from, command.details);
  const changes = memberDetailsChanges(from, to);
  if (changes.length === 0) return [];
  return [
    {
      type: 'MemberDetailsChanged',
      data: { siteId: state.siteId, userId: member.userId, from, to, changes, changedBy: actor.userId },
    },
  ];
}

/** The monthly contact review: the contact is confirmed current, with the same fresh sign-in as an update. */
function reviewContact(command: SiteCommandOf<'ReviewContact'>, state: SiteState): SiteEvent[] {
  authorize('updateContacts', command, state);
  assertFreshSignIn(command);
  if (!state.contacts.has(command.contactId))
    throw notFound(`Site ${state.siteId} has no contact ${command.contactId}.`);
  return [
    {
      type: 'ContactReviewed',
      data: {
        siteId: state.siteId,
        contactId: command.contactId,
        reviewedAt: command.at,
        reviewedBy: command.actor.userId,
      },
    },
  ];
}

function assertFreshSignIn(command: SiteCommand): void {
  if (!recentlyAuthenticated(command.actor, command.at)) {
    throw siteError(
      'REAUTHENTICATION_REQUIRED',
      'Contact updates need a sign-in within the last 15 minutes; sign in again and retry.',
    );
  }
}

function checkedPrivileges(
  role: GrantableRole,
  input: Privileges | Parameters<typeof normalizePrivileges>[0],
): Privileges {
  const privileges = normalizePrivileges(input);
  if (role === 'user' && hasAccountManagement(privileges)) {
    throw siteError(
      'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE',
      'Account Management privileges (manageAccess, contactUpdates, accountDocuments) need the secondary contact role.',
    );
  }
  return privileges;
}

/** No one raises their own authority: nobody acts on their own membership or request. */
function assertNotSelf(command: SiteCommand, userId: string, what: string): void {
  if (command.actor.userId === userId) throw forbidden(`You may not ${what}.`);
}

/**
 * A privilege change never grants more than the actor holds: every level raised must stay at or
 * below the actor's own. The primary holds everything; operators act for the platform.
 */
function assertWithinOwnAuthority(command: SiteCommand, state: SiteState, from: Privileges, to: Privileges): void {
  if (command.actor.operator) return;
  const own = state.members.get(command.actor.userId);
  if (!own || own.role === 'primary') return;
  const beyond = PRIVILEGE_KEYS.filter((key) => !atLeast(from, key, to[key]) && !atLeast(own.privileges, key, to[key]));
  if (beyond.length > 0) {
    throw forbidden(`You may not grant more than you hold yourself: ${beyond.map((k) => `${k}=${to[k]}`).join(', ')}.`);
  }
}

const NO_PRIVILEGES = normalizePrivileges({});

/** The privileges someone joins with, checked: allowed for the role, within the actor's own authority, for a non-member. */
function newMemberPrivileges(
  command: SiteCommandOf<'AddUser' | 'GrantAccess'>,
  state: SiteState,
  userId: string,
  role: GrantableRole,
  input: Parameters<typeof normalizePrivileges>[0],
): Privileges {
  const privileges = checkedPrivileges(role, input);
  assertWithinOwnAuthority(command, state, NO_PRIVILEGES, privileges);
  if (state.members.has(userId))
    throw siteError('ALREADY_MEMBER', `${userId} is already a member of site ${state.siteId}.`);
  return privileges;
}

const verifiedEmailOf = (request: { verifiedEmail?: string }) =>
  request.verifiedEmail ? { verifiedEmail: request.verifiedEmail } : {};

function existingMember(state: SiteState, userId: string): Member {
  const member = state.members.get(userId);
  if (!member) throw siteError('NOT_A_MEMBER', `${userId} is not a member of site ${state.siteId}.`);
  return member;
}

function pendingRequest(state: SiteState, requestId: string): AccessRequest {
  const request = state.requests.get(requestId);
  if (!request) throw notFound(`Site ${state.siteId} has no access request ${requestId}.`);
  if (request.status !== 'pending')
    throw siteError('REQUEST_NOT_PENDING', `Access request ${requestId} was already ${request.status}.`);
  return request;
}

function justificationEdit(state: SiteState, requestId: string, edited: string | undefined, by: string): SiteEvent[] {
  const current = state.requests.get(requestId)!;
  if (edited === undefined || edited === current.businessJustification) return [];
  return [
    {
      type: 'NominationJustificationEdited',
      data: {
        siteId: state.siteId,
        requestId,
        userId: current.userId,
        from: current.businessJustification,
        to: edited,
        editedBy: by,
      },
    },
  ];
}

function assertSecondaryRoom(state: SiteState, adding: number): void {
  if (secondaryCount(state) + adding > MAX_SECONDARY_CONTACTS) throw secondaryLimit(state);
}

const secondaryLimit = (state: SiteState) =>
  siteError(
    'SECONDARY_CONTACT_LIMIT',
    `Site ${state.siteId} already has ${MAX_SECONDARY_CONTACTS} secondary contacts, the most allowed.`,
  );

const primaryImmutable = (state: SiteState) =>
  siteError(
    'PRIMARY_CONTACT_IMMUTABLE',
    `The primary contact of site ${state.siteId} can only be replaced by transferring the role.`,
  );

export type { SiteRole };
