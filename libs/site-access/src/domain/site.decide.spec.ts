import { DomainError } from '#core';
import type { Contact, ContactDetails } from './contact.js';
import { type Privileges, fullPrivileges, fullUserPrivileges } from './privileges.js';
import type { SiteCommand } from './site.commands.js';
import { siteDecider } from './site.decider.js';
import type { Change, GrantableRole, MemberProfile, SiteEvent } from './site.events.js';
import type { Actor } from './site.permissions.js';
import { casesOn, given } from '#core/testing/given-when-then';
import { FULL, FULL_USER, NONE } from '../testing/privilege-fixtures.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: one site "1234567" with a primary (pat), a secondary who manages access (sam), a
// secondary who may only view (vic) and a plain user (uma). nina is a stranger to the site.
// ---------------------------------------------------------------------------------------------

const at = '2026-03-01T10:00:00.000Z';
const FRESH = '2026-03-01T09:50:00.000Z'; // signed in 10 minutes before `at`
const STALE = '2026-03-01T09:44:00.000Z'; // 16 minutes before `at`
const SITE = '1234567';

function actor(userId: string, options: { operator?: boolean; auditor?: boolean; authTime?: string } = {}): Actor {
  return {
    userId,
    operator: options.operator ?? false,
    auditor: options.auditor ?? false,
    ...(options.authTime !== undefined ? { authTime: options.authTime } : {}),
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CommandBody = DistributiveOmit<SiteCommand, 'actor' | 'at'>;
const command = (by: Actor, body: CommandBody): SiteCommand => ({ ...body, actor: by, at }) as SiteCommand;

const OPS = actor('ops', { operator: true });
const AUDITOR = actor('audrey', { auditor: true });
const PAT = actor('pat');
const SAM = actor('sam');
const VIC = actor('vic');
const UMA = actor('uma');
const NINA = actor('nina');

const priv = (levels: Partial<Privileges>): Privileges => ({ ...NONE, ...levels });
const SAM_PRIVILEGES = priv({ manageAccess: 'update', contactUpdates: 'update' });
const VIC_PRIVILEGES = priv({ manageAccess: 'view', contactUpdates: 'view' });
const UMA_PRIVILEGES = priv({ softwareAccess: 'downloads', reporting: 'view' });

const person = (userId: string): MemberProfile => ({
  userId,
  firstName: userId[0]!.toUpperCase() + userId.slice(1),
  lastName: 'Example',
  email: `${userId}@example.com`,
});

const PAT_DETAILS: ContactDetails = {
  firstName: 'Pat',
  lastName: 'Example',
  email: 'pat@example.com',
  telephone: '+49 89 1234',
  address: 'Leopoldstr. 1',
  city: 'Munich',
  postalCode: '80802',
  country: 'DE',
};
const PAT_CONTACT: Contact = { contactId: 'primary', userId: 'pat', ...PAT_DETAILS, contactTypes: ['administrative'] };
const BEA_DETAILS: ContactDetails = {
  firstName: 'Bea',
  lastName: 'Billing',
  email: 'bea@example.com',
  telephone: '+49 89 5555',
  address: 'Marienplatz 8',
  city: 'Munich',
  postalCode: '80331',
  stateProvince: 'Bavaria',
};
const BEA_CONTACT: Contact = { contactId: 'billing-1', ...BEA_DETAILS, contactTypes: ['billing'] };

const JUSTIFICATION = 'Needs downloads for the Munich rollout';

// --- events used to build histories -----------------------------------------------------------
const siteRegistered = (contact: Contact = PAT_CONTACT): SiteEvent => ({
  type: 'SiteRegistered',
  data: { siteId: SITE, name: 'Acme Munich', primary: person('pat'), privileges: FULL, contact, registeredBy: 'ops' },
});
const registered = siteRegistered();
const added = (userId: string, role: GrantableRole, privileges: Privileges, by = 'pat'): SiteEvent => ({
  type: 'UserAdded',
  data: { ...person(userId), siteId: SITE, role, privileges, addedBy: by },
});
const nominated = (
  requestId: string,
  userId: string,
  businessJustification = JUSTIFICATION,
  requestedRole: GrantableRole = 'user',
  requestedPrivileges: Privileges = NONE,
): SiteEvent => ({
  type: 'UserNominated',
  data: { ...person(userId), siteId: SITE, requestId, businessJustification, requestedRole, requestedPrivileges },
});
const granted = (
  requestId: string,
  userId: string,
  role: GrantableRole,
  privileges: Privileges,
  by = 'pat',
  requested: { requestedRole: GrantableRole; requestedPrivileges: Privileges } = {
    requestedRole: 'user',
    requestedPrivileges: NONE,
  },
): SiteEvent => ({
  type: 'AccessGranted',
  data: {
    ...person(userId),
    siteId: SITE,
    requestId,
    role,
    privileges,
    grantedBy: by,
    businessJustification: JUSTIFICATION,
    ...requested,
  },
});
const denied = (requestId: string, userId: string): SiteEvent => ({
  type: 'AccessDenied',
  data: {
    ...person(userId),
    siteId: SITE,
    requestId,
    reason: 'Not an employee',
    deniedBy: 'pat',
    businessJustification: JUSTIFICATION,
  },
});
const privilegesChanged = (
  userId: string,
  from: Privileges,
  to: Privileges,
  changedBy: string,
  changes: Change[],
): SiteEvent => ({
  type: 'PrivilegesChanged',
  data: { siteId: SITE, userId, from, to, changes, changedBy },
});
const contactUpdated = (
  contactId: string,
  contact: Contact,
  created: boolean,
  updatedBy: string,
  changes: Change[],
): SiteEvent => ({
  type: 'ContactUpdated',
  data: { siteId: SITE, contactId, contact, created, changes, updatedBy },
});
const beaContactAdded = contactUpdated('billing-1', BEA_CONTACT, true, 'pat', []);

/** pat (primary), sam (secondary, manageAccess update), vic (secondary, manageAccess view), uma (user). */
const SITE_WITH_MEMBERS: SiteEvent[] = [
  registered,
  added('sam', 'secondary', SAM_PRIVILEGES),
  added('vic', 'secondary', VIC_PRIVILEGES),
  added('uma', 'user', UMA_PRIVILEGES),
];
/** The same site with the maximum of 4 secondaries (sam, vic, sid, sue). */
const SITE_WITH_FOUR_SECONDARIES: SiteEvent[] = [
  ...SITE_WITH_MEMBERS,
  added('sid', 'secondary', priv({ reporting: 'view' })),
  added('sue', 'secondary', priv({ reporting: 'view' })),
];
/** nina has a pending access request req-1. */
const SITE_WITH_PENDING_REQUEST: SiteEvent[] = [...SITE_WITH_MEMBERS, nominated('req-1', 'nina')];
const SITE_WITH_CONTACTS: SiteEvent[] = [...SITE_WITH_MEMBERS, beaContactAdded];

const site = (events: readonly SiteEvent[] = SITE_WITH_MEMBERS) => given(siteDecider, events);
const unregistered = () => given(siteDecider, []);
const { rejects, changesNothing, emits } = casesOn(siteDecider, SITE_WITH_MEMBERS);

describe('privilege fixtures', () => {
  it('match what the domain calls full and full-user privileges', () => {
    expect(fullPrivileges()).toEqual(FULL);
    expect(fullUserPrivileges()).toEqual(FULL_USER);
  });
});

describe('RegisterSite', () => {
  const register = (by: Actor, contactTypes: Contact['contactTypes'] = ['administrative']) =>
    command(by, {
      type: 'RegisterSite',
      siteId: SITE,
      name: 'Acme Munich',
      primary: { userId: 'pat', ...PAT_DETAILS },
      contactId: 'primary',
      contactTypes: [...contactTypes],
    });

  it('emits SiteRegistered with the primary as member (full privileges) and as contact', () => {
    unregistered().when(register(OPS)).then([registered]);
  });

  it('emits the contact with every type it was given', () => {
    unregistered()
      .when(register(OPS, ['administrative', 'billing']))
      .then([siteRegistered({ ...PAT_CONTACT, contactTypes: ['administrative', 'billing'] })]);
  });

  it('rejects a non-operator (FORBIDDEN): the future primary, an auditor', () => {
    unregistered().when(register(PAT)).thenRejects('FORBIDDEN');
    unregistered().when(register(AUDITOR)).thenRejects('FORBIDDEN');
  });

  it('rejects a site that is already registered (SITE_EXISTS)', () => {
    site([registered]).when(register(OPS)).thenRejects('SITE_EXISTS');
  });

  it('has no "changes nothing" path: registering twice is SITE_EXISTS, never a silent no-op', () => {
    site().when(register(OPS)).thenRejects('SITE_EXISTS');
  });
});

describe('AddUser', () => {
  const add = (by: Actor, userId: string, role: GrantableRole, privileges: Partial<Privileges>) =>
    command(by, { type: 'AddUser', user: person(userId), role, privileges });

  it('emits UserAdded with omitted privileges normalised to none (primary adds a user)', () => {
    emits(add(PAT, 'ulla', 'user', { softwareAccess: 'downloads_media', reporting: 'view' }), [
      added('ulla', 'user', priv({ softwareAccess: 'downloads_media', reporting: 'view' })),
    ]);
  });

  it('lets a secondary with manageAccess update add a secondary with Account Management privileges they hold themselves', () => {
    emits(add(SAM, 'sid', 'secondary', { manageAccess: 'view', contactUpdates: 'update' }), [
      added('sid', 'secondary', priv({ manageAccess: 'view', contactUpdates: 'update' }), 'sam'),
    ]);
  });

  it('rejects a secondary granting more than they hold (FORBIDDEN), e.g. accountDocuments sam lacks', () => {
    rejects(add(SAM, 'sid', 'secondary', { manageAccess: 'view', accountDocuments: 'view' }), 'FORBIDDEN');
    rejects(add(SAM, 'ulla', 'user', { softwareAccess: 'downloads' }), 'FORBIDDEN');
  });

  it('rejects adding oneself (FORBIDDEN), even as an operator', () => {
    rejects(add(OPS, 'ops', 'secondary', {}), 'FORBIDDEN');
  });

  it('lets an operator add on any site', () => {
    emits(add(OPS, 'ulla', 'user', {}), [added('ulla', 'user', NONE, 'ops')]);
  });

  it('still adds a plain user when the site has 4 secondaries', () => {
    site(SITE_WITH_FOUR_SECONDARIES)
      .when(add(PAT, 'ulla', 'user', {}))
      .then([added('ulla', 'user', NONE)]);
  });

  it('rejects an unregistered site (NOT_FOUND)', () => {
    unregistered()
      .when(add(OPS, 'ulla', 'user', {}))
      .thenRejects('NOT_FOUND');
  });

  it('rejects actors who may not manage access (FORBIDDEN)', () => {
    rejects(add(UMA, 'ulla', 'user', {}), 'FORBIDDEN');
    rejects(add(VIC, 'ulla', 'user', {}), 'FORBIDDEN');
    rejects(add(AUDITOR, 'ulla', 'user', {}), 'FORBIDDEN');
    rejects(add(NINA, 'ulla', 'user', {}), 'FORBIDDEN');
  });

  it('rejects a member (ALREADY_MEMBER), including the primary', () => {
    rejects(add(PAT, 'uma', 'user', {}), 'ALREADY_MEMBER');
    rejects(add(OPS, 'pat', 'secondary', {}), 'ALREADY_MEMBER');
  });

  it('rejects someone with a pending request (REQUEST_PENDING)', () => {
    rejects(add(PAT, 'nina', 'user', {}), 'REQUEST_PENDING', SITE_WITH_PENDING_REQUEST);
  });

  it('rejects a 5th secondary (SECONDARY_CONTACT_LIMIT)', () => {
    rejects(add(PAT, 'ulla', 'secondary', {}), 'SECONDARY_CONTACT_LIMIT', SITE_WITH_FOUR_SECONDARIES);
  });

  it('rejects a user with any Account Management privilege (ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE)', () => {
    rejects(add(PAT, 'ulla', 'user', { manageAccess: 'view' }), 'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE');
    rejects(add(PAT, 'ulla', 'user', { contactUpdates: 'view' }), 'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE');
    rejects(add(PAT, 'ulla', 'user', { accountDocuments: 'view' }), 'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE');
  });

  it('has no "changes nothing" path: adding the same person again is ALREADY_MEMBER', () => {
    rejects(add(PAT, 'ulla', 'user', {}), 'ALREADY_MEMBER', [...SITE_WITH_MEMBERS, added('ulla', 'user', NONE)]);
  });
});

describe('ChangeUserAccess', () => {
  const change = (by: Actor, userId: string, access: { role?: GrantableRole; privileges?: Partial<Privileges> }) =>
    command(by, { type: 'ChangeUserAccess', userId, ...access });

  it('emits RoleChanged alone when only the role changes (user → secondary, privileges kept)', () => {
    emits(change(PAT, 'uma', { role: 'secondary' }), [
      { type: 'RoleChanged', data: { siteId: SITE, userId: 'uma', from: 'user', to: 'secondary', changedBy: 'pat' } },
    ]);
  });

  it('emits PrivilegesChanged alone with before/after of each changed key (omitted keys become none)', () => {
    emits(change(PAT, 'uma', { privileges: { reporting: 'view', entitlements: 'view' } }), [
      privilegesChanged('uma', UMA_PRIVILEGES, priv({ reporting: 'view', entitlements: 'view' }), 'pat', [
        { field: 'privileges.softwareAccess', from: 'downloads', to: 'none' },
        { field: 'privileges.entitlements', from: 'none', to: 'view' },
      ]),
    ]);
  });

  it('emits RoleChanged then PrivilegesChanged when demoting a secondary and dropping Account Management (operator)', () => {
    emits(change(OPS, 'sam', { role: 'user', privileges: { softwareAccess: 'downloads' } }), [
      { type: 'RoleChanged', data: { siteId: SITE, userId: 'sam', from: 'secondary', to: 'user', changedBy: 'ops' } },
      privilegesChanged('sam', SAM_PRIVILEGES, priv({ softwareAccess: 'downloads' }), 'ops', [
        { field: 'privileges.softwareAccess', from: 'none', to: 'downloads' },
        { field: 'privileges.manageAccess', from: 'update', to: 'none' },
        { field: 'privileges.contactUpdates', from: 'update', to: 'none' },
      ]),
    ]);
  });

  it('changes nothing with the same role and the same privileges, or with neither given', () => {
    changesNothing(
      change(PAT, 'uma', { role: 'user', privileges: { softwareAccess: 'downloads', reporting: 'view' } }),
    );
    changesNothing(change(PAT, 'sam', { role: 'secondary', privileges: { ...SAM_PRIVILEGES } }));
    changesNothing(change(PAT, 'uma', {}));
  });

  it("changes a secondary's privileges even when the site has 4 secondaries", () => {
    site(SITE_WITH_FOUR_SECONDARIES)
      .when(change(PAT, 'vic', { role: 'secondary', privileges: { manageAccess: 'update' } }))
      .then([
        privilegesChanged('vic', VIC_PRIVILEGES, priv({ manageAccess: 'update' }), 'pat', [
          { field: 'privileges.manageAccess', from: 'view', to: 'update' },
          { field: 'privileges.contactUpdates', from: 'view', to: 'none' },
        ]),
      ]);
  });

  it('rejects an unregistered site (NOT_FOUND)', () => {
    unregistered()
      .when(change(OPS, 'uma', { role: 'secondary' }))
      .thenRejects('NOT_FOUND');
  });

  it('rejects actors who may not manage access (FORBIDDEN)', () => {
    rejects(change(UMA, 'uma', { role: 'secondary' }), 'FORBIDDEN');
    rejects(change(VIC, 'uma', { role: 'secondary' }), 'FORBIDDEN');
    rejects(change(AUDITOR, 'uma', { role: 'secondary' }), 'FORBIDDEN');
  });

  it('rejects a non-member (NOT_A_MEMBER)', () => {
    rejects(change(PAT, 'nina', { role: 'user' }), 'NOT_A_MEMBER');
  });

  it('rejects any change to the primary (PRIMARY_CONTACT_IMMUTABLE)', () => {
    rejects(change(OPS, 'pat', { role: 'secondary' }), 'PRIMARY_CONTACT_IMMUTABLE');
    rejects(change(SAM, 'pat', { privileges: { reporting: 'view' } }), 'PRIMARY_CONTACT_IMMUTABLE');
  });

  it('rejects promoting a 5th secondary (SECONDARY_CONTACT_LIMIT)', () => {
    rejects(change(PAT, 'uma', { role: 'secondary' }), 'SECONDARY_CONTACT_LIMIT', SITE_WITH_FOUR_SECONDARIES);
  });

  it('rejects a user holding Account Management privileges (ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE)', () => {
    // demoting to user while keeping the stored contactUpdates/manageAccess
    rejects(change(PAT, 'sam', { role: 'user' }), 'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE');
    rejects(
      change(PAT, 'vic', { role: 'user', privileges: { contactUpdates: 'view' } }),
      'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE',
    );
    rejects(change(PAT, 'uma', { privileges: { manageAccess: 'view' } }), 'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE');
  });
});

describe('RemoveUser', () => {
  const remove = (by: Actor, userId: string) => command(by, { type: 'RemoveUser', userId });

  it("emits UserRemoved with the member's profile, role and privileges", () => {
    emits(remove(PAT, 'uma'), [
      {
        type: 'UserRemoved',
        data: { ...person('uma'), siteId: SITE, role: 'user', privileges: UMA_PRIVILEGES, removedBy: 'pat' },
      },
    ]);
  });

  it('lets an operator and a secondary with manageAccess update remove a secondary', () => {
    emits(remove(OPS, 'vic'), [
      {
        type: 'UserRemoved',
        data: { ...person('vic'), siteId: SITE, role: 'secondary', privileges: VIC_PRIVILEGES, removedBy: 'ops' },
      },
    ]);
    emits(remove(SAM, 'vic'), [
      {
        type: 'UserRemoved',
        data: { ...person('vic'), siteId: SITE, role: 'secondary', privileges: VIC_PRIVILEGES, removedBy: 'sam' },
      },
    ]);
  });

  it('rejects an unregistered site (NOT_FOUND)', () => {
    unregistered().when(remove(OPS, 'uma')).thenRejects('NOT_FOUND');
  });

  it('rejects actors who may not manage access (FORBIDDEN)', () => {
    site().when(remove(UMA, 'uma')).thenRejects('FORBIDDEN');
    site().when(remove(VIC, 'uma')).thenRejects('FORBIDDEN');
    site().when(remove(AUDITOR, 'uma')).thenRejects('FORBIDDEN');
  });

  it('rejects a non-member (NOT_A_MEMBER)', () => {
    site().when(remove(PAT, 'nina')).thenRejects('NOT_A_MEMBER');
  });

  it('rejects removing the primary (PRIMARY_CONTACT_IMMUTABLE)', () => {
    site().when(remove(OPS, 'pat')).thenRejects('PRIMARY_CONTACT_IMMUTABLE');
  });

  it('has no "changes nothing" path: removing twice is NOT_A_MEMBER', () => {
    const removedUma: SiteEvent = {
      type: 'UserRemoved',
      data: { ...person('uma'), siteId: SITE, role: 'user', privileges: UMA_PRIVILEGES, removedBy: 'pat' },
    };
    rejects(remove(PAT, 'uma'), 'NOT_A_MEMBER', [...SITE_WITH_MEMBERS, removedUma]);
  });
});

describe('TransferPrimaryContact', () => {
  const transfer = (by: Actor, userId: string, formerPrimaryRole: GrantableRole) =>
    command(by, { type: 'TransferPrimaryContact', userId, formerPrimaryRole });
  const transferred = (
    to: string,
    formerPrimaryRole: GrantableRole,
    previousRole: GrantableRole,
    previousPrivileges: Privileges,
    by: string,
  ): SiteEvent => ({
    type: 'PrimaryContactTransferred',
    data: {
      siteId: SITE,
      from: person('pat'),
      to: person(to),
      formerPrimaryRole,
      formerPrimaryPrivileges: FULL_USER,
      newPrimaryPreviousRole: previousRole,
      newPrimaryPreviousPrivileges: previousPrivileges,
      transferredBy: by,
    },
  });

  it('emits PrimaryContactTransferred; a former primary who becomes user keeps no Account Management privileges', () => {
    emits(transfer(PAT, 'uma', 'user'), [transferred('uma', 'user', 'user', UMA_PRIVILEGES, 'pat')]);
  });

  it('lets an operator transfer; a former primary who becomes secondary keeps no Account Management privileges unless the transfer sets them', () => {
    emits(transfer(OPS, 'sam', 'secondary'), [transferred('sam', 'secondary', 'secondary', SAM_PRIVILEGES, 'ops')]);
  });

  it('allows secondary → primary with former primary → secondary when 4 secondaries exist (count stays 4)', () => {
    site(SITE_WITH_FOUR_SECONDARIES)
      .when(transfer(PAT, 'vic', 'secondary'))
      .then([transferred('vic', 'secondary', 'secondary', VIC_PRIVILEGES, 'pat')]);
  });

  it('leaves the former primary a user with full user privileges and the new one primary with full privileges', () => {
    const state = [...SITE_WITH_MEMBERS, transferred('uma', 'user', 'user', UMA_PRIVILEGES, 'pat')].reduce(
      siteDecider.evolve,
      siteDecider.initialState(),
    );
    expect(state.members.get('pat')).toEqual({ ...person('pat'), role: 'user', privileges: FULL_USER });
    expect(state.members.get('uma')).toEqual({ ...person('uma'), role: 'primary', privileges: FULL });
  });

  it('changes nothing when the named member already is the primary', () => {
    changesNothing(transfer(PAT, 'pat', 'secondary'));
    changesNothing(transfer(OPS, 'pat', 'user'));
  });

  it('rejects an unregistered site (NOT_FOUND)', () => {
    unregistered()
      .when(transfer(OPS, 'uma', 'user'))
      .thenRejects('NOT_FOUND');
  });

  it('rejects anyone but the primary or an operator (FORBIDDEN), even a secondary with manageAccess update', () => {
    rejects(transfer(SAM, 'uma', 'user'), 'FORBIDDEN');
    rejects(transfer(UMA, 'uma', 'user'), 'FORBIDDEN');
    rejects(transfer(AUDITOR, 'uma', 'user'), 'FORBIDDEN');
  });

  it('rejects a non-member as new primary (NOT_A_MEMBER)', () => {
    rejects(transfer(PAT, 'nina', 'user'), 'NOT_A_MEMBER');
  });

  it('rejects a former primary becoming a 5th secondary (SECONDARY_CONTACT_LIMIT)', () => {
    rejects(transfer(PAT, 'uma', 'secondary'), 'SECONDARY_CONTACT_LIMIT', SITE_WITH_FOUR_SECONDARIES);
  });
});

describe('NominateSelf', () => {
  const nominate = (by: Actor, requestId = 'req-1', businessJustification = JUSTIFICATION) =>
    command(by, { type: 'NominateSelf', requestId, ...names(by.userId), businessJustification });
  const names = (userId: string) => {
    const { firstName, lastName, email } = person(userId);
    return { firstName, lastName, email };
  };

  it('emits UserNominated for the calling non-member', () => {
    emits(nominate(NINA), [nominated('req-1', 'nina')]);
  });

  it('lets someone whose earlier request was denied nominate again', () => {
    site([...SITE_WITH_PENDING_REQUEST, denied('req-1', 'nina')])
      .when(nominate(NINA, 'req-2', 'Now with a signed contract'))
      .then([nominated('req-2', 'nina', 'Now with a signed contract')]);
  });

  it('rejects an auditor (FORBIDDEN): auditors are read-only', () => {
    site().when(nominate(AUDITOR)).thenRejects('FORBIDDEN');
  });

  it("records the requester's verified e-mail (from the token) beside the typed one", () => {
    emits(nominate({ ...NINA, verifiedEmail: 'nina@corp.example' }), [
      {
        type: 'UserNominated',
        data: {
          ...person('nina'),
          siteId: SITE,
          requestId: 'req-1',
          verifiedEmail: 'nina@corp.example',
          businessJustification: JUSTIFICATION,
          requestedRole: 'user',
          requestedPrivileges: NONE,
        },
      },
    ]);
  });

  it('rejects an unregistered site (NOT_FOUND)', () => {
    unregistered().when(nominate(NINA)).thenRejects('NOT_FOUND');
  });

  it('rejects a member (ALREADY_MEMBER)', () => {
    site().when(nominate(UMA)).thenRejects('ALREADY_MEMBER');
    site().when(nominate(PAT)).thenRejects('ALREADY_MEMBER');
  });

  it('rejects a second pending request (REQUEST_PENDING); there is no "changes nothing" path', () => {
    site(SITE_WITH_PENDING_REQUEST).when(nominate(NINA, 'req-2')).thenRejects('REQUEST_PENDING');
  });
});

describe('EditNominationJustification', () => {
  const edit = (by: Actor, businessJustification: string, requestId = 'req-1') =>
    command(by, { type: 'EditNominationJustification', requestId, businessJustification });
  const edited = (from: string, to: string, by: string): SiteEvent => ({
    type: 'NominationJustificationEdited',
    data: { siteId: SITE, requestId: 'req-1', userId: 'nina', from, to, editedBy: by },
  });

  it('emits NominationJustificationEdited from the original to the edited text', () => {
    site(SITE_WITH_PENDING_REQUEST)
      .when(edit(PAT, 'Rollout team lead'))
      .then([edited(JUSTIFICATION, 'Rollout team lead', 'pat')]);
  });

  it('edits from the current (already edited) text, by a secondary with manageAccess update or an operator', () => {
    const history = [...SITE_WITH_PENDING_REQUEST, edited(JUSTIFICATION, 'Rollout team lead', 'pat')];
    site(history)
      .when(edit(SAM, 'Rollout team lead, Munich'))
      .then([edited('Rollout team lead', 'Rollout team lead, Munich', 'sam')]);
    site(history)
      .when(edit(OPS, 'Checked'))
      .then([edited('Rollout team lead', 'Checked', 'ops')]);
  });

  it('changes nothing when the text is the same', () => {
    site(SITE_WITH_PENDING_REQUEST).when(edit(PAT, JUSTIFICATION)).thenNothing();
  });

  it('rejects an unregistered site and an unknown request (NOT_FOUND)', () => {
    unregistered().when(edit(OPS, 'x')).thenRejects('NOT_FOUND');
    rejects(edit(PAT, 'x', 'req-404'), 'NOT_FOUND', SITE_WITH_PENDING_REQUEST);
  });

  it('rejects actors who may not manage access (FORBIDDEN), including the requester', () => {
    site(SITE_WITH_PENDING_REQUEST).when(edit(UMA, 'x')).thenRejects('FORBIDDEN');
    site(SITE_WITH_PENDING_REQUEST).when(edit(VIC, 'x')).thenRejects('FORBIDDEN');
    site(SITE_WITH_PENDING_REQUEST).when(edit(AUDITOR, 'x')).thenRejects('FORBIDDEN');
    site(SITE_WITH_PENDING_REQUEST).when(edit(NINA, 'x')).thenRejects('FORBIDDEN');
  });

  it('rejects a request already granted or denied (REQUEST_NOT_PENDING)', () => {
    rejects(edit(PAT, 'x'), 'REQUEST_NOT_PENDING', [
      ...SITE_WITH_PENDING_REQUEST,
      granted('req-1', 'nina', 'user', NONE),
    ]);
    rejects(edit(PAT, 'x'), 'REQUEST_NOT_PENDING', [...SITE_WITH_PENDING_REQUEST, denied('req-1', 'nina')]);
  });
});

describe('GrantAccess', () => {
  const grant = (
    by: Actor,
    role: GrantableRole,
    privileges: Partial<Privileges>,
    businessJustification?: string,
    requestId = 'req-1',
  ) =>
    command(by, {
      type: 'GrantAccess',
      requestId,
      role,
      privileges,
      ...(businessJustification !== undefined ? { businessJustification } : {}),
    });

  it('emits AccessGranted with the role, normalised privileges and the current justification', () => {
    site(SITE_WITH_PENDING_REQUEST)
      .when(grant(PAT, 'user', {}))
      .then([granted('req-1', 'nina', 'user', NONE)]);
  });

  it('emits NominationJustificationEdited (original → edited) before AccessGranted when the grantor edits', () => {
    site(SITE_WITH_PENDING_REQUEST)
      .when(grant(SAM, 'secondary', { manageAccess: 'view' }, 'Rollout team lead'))
      .then([
        {
          type: 'NominationJustificationEdited',
          data: {
            siteId: SITE,
            requestId: 'req-1',
            userId: 'nina',
            from: JUSTIFICATION,
            to: 'Rollout team lead',
            editedBy: 'sam',
          },
        },
        {
          type: 'AccessGranted',
          data: {
            ...person('nina'),
            siteId: SITE,
            requestId: 'req-1',
            role: 'secondary',
            privileges: priv({ manageAccess: 'view' }),
            grantedBy: 'sam',
            businessJustification: 'Rollout team lead',
            requestedRole: 'user',
            requestedPrivileges: NONE,
          },
        },
      ]);
  });

  it('emits no edit when the given justification equals the current one (operator grants)', () => {
    site(SITE_WITH_PENDING_REQUEST)
      .when(grant(OPS, 'user', { reporting: 'view' }, JUSTIFICATION))
      .then([granted('req-1', 'nina', 'user', priv({ reporting: 'view' }), 'ops')]);
  });

  it('keeps the original justification in state after an edited grant', () => {
    const events = siteDecider.decide(
      grant(PAT, 'user', {}, 'Rollout team lead'),
      SITE_WITH_PENDING_REQUEST.reduce(siteDecider.evolve, siteDecider.initialState()),
    );
    const state = [...SITE_WITH_PENDING_REQUEST, ...events].reduce(siteDecider.evolve, siteDecider.initialState());
    expect(state.requests.get('req-1')).toEqual({
      ...person('nina'),
      requestId: 'req-1',
      status: 'granted',
      businessJustification: 'Rollout team lead',
      originalJustification: JUSTIFICATION,
      requestedRole: 'user',
      requestedPrivileges: NONE,
    });
    expect(state.members.get('nina')).toEqual({ ...person('nina'), role: 'user', privileges: NONE });
  });

  it('rejects an unregistered site and an unknown request (NOT_FOUND)', () => {
    unregistered()
      .when(grant(OPS, 'user', {}))
      .thenRejects('NOT_FOUND');
    rejects(grant(PAT, 'user', {}, undefined, 'req-404'), 'NOT_FOUND', SITE_WITH_PENDING_REQUEST);
  });

  it('rejects actors who may not manage access (FORBIDDEN), including the requester', () => {
    rejects(grant(UMA, 'user', {}), 'FORBIDDEN', SITE_WITH_PENDING_REQUEST);
    rejects(grant(VIC, 'user', {}), 'FORBIDDEN', SITE_WITH_PENDING_REQUEST);
    rejects(grant(AUDITOR, 'user', {}), 'FORBIDDEN', SITE_WITH_PENDING_REQUEST);
    rejects(grant(NINA, 'user', {}), 'FORBIDDEN', SITE_WITH_PENDING_REQUEST);
  });

  it('rejects a request already granted or denied (REQUEST_NOT_PENDING); granting twice is never a no-op', () => {
    rejects(grant(PAT, 'user', {}), 'REQUEST_NOT_PENDING', [
      ...SITE_WITH_PENDING_REQUEST,
      granted('req-1', 'nina', 'user', NONE),
    ]);
    rejects(grant(PAT, 'user', {}), 'REQUEST_NOT_PENDING', [...SITE_WITH_PENDING_REQUEST, denied('req-1', 'nina')]);
  });

  it('rejects a 5th secondary (SECONDARY_CONTACT_LIMIT)', () => {
    rejects(grant(PAT, 'secondary', {}), 'SECONDARY_CONTACT_LIMIT', [
      ...SITE_WITH_FOUR_SECONDARIES,
      nominated('req-1', 'nina'),
    ]);
  });

  it('rejects a user with Account Management privileges (ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE)', () => {
    rejects(
      grant(PAT, 'user', { contactUpdates: 'view' }),
      'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE',
      SITE_WITH_PENDING_REQUEST,
    );
  });

  it('rejects a requester who is already a member (ALREADY_MEMBER)', () => {
    rejects(grant(PAT, 'user', {}), 'ALREADY_MEMBER', [...SITE_WITH_PENDING_REQUEST, added('nina', 'user', NONE)]);
  });
});

describe('DenyAccess', () => {
  const deny = (by: Actor, reason: string, businessJustification?: string, requestId = 'req-1') =>
    command(by, {
      type: 'DenyAccess',
      requestId,
      reason,
      ...(businessJustification !== undefined ? { businessJustification } : {}),
    });

  it('emits AccessDenied with the trimmed reason and the current justification', () => {
    site(SITE_WITH_PENDING_REQUEST)
      .when(deny(PAT, '  Not an employee  '))
      .then([denied('req-1', 'nina')]);
  });

  it('emits NominationJustificationEdited before AccessDenied when the administrator edits (secondary with manageAccess update)', () => {
    site(SITE_WITH_PENDING_REQUEST)
      .when(deny(SAM, 'Not an employee', 'Wants downloads'))
      .then([
        {
          type: 'NominationJustificationEdited',
          data: {
            siteId: SITE,
            requestId: 'req-1',
            userId: 'nina',
            from: JUSTIFICATION,
            to: 'Wants downloads',
            editedBy: 'sam',
          },
        },
        {
          type: 'AccessDenied',
          data: {
            ...person('nina'),
            siteId: SITE,
            requestId: 'req-1',
            reason: 'Not an employee',
            deniedBy: 'sam',
            businessJustification: 'Wants downloads',
          },
        },
      ]);
  });

  it('lets an operator deny', () => {
    site(SITE_WITH_PENDING_REQUEST)
      .when(deny(OPS, 'Duplicate'))
      .then([
        {
          type: 'AccessDenied',
          data: {
            ...person('nina'),
            siteId: SITE,
            requestId: 'req-1',
            reason: 'Duplicate',
            deniedBy: 'ops',
            businessJustification: JUSTIFICATION,
          },
        },
      ]);
  });

  it('rejects an unregistered site and an unknown request (NOT_FOUND)', () => {
    unregistered().when(deny(OPS, 'No')).thenRejects('NOT_FOUND');
    rejects(deny(PAT, 'No', undefined, 'req-404'), 'NOT_FOUND', SITE_WITH_PENDING_REQUEST);
  });

  it('rejects actors who may not manage access (FORBIDDEN)', () => {
    site(SITE_WITH_PENDING_REQUEST).when(deny(UMA, 'No')).thenRejects('FORBIDDEN');
    site(SITE_WITH_PENDING_REQUEST).when(deny(VIC, 'No')).thenRejects('FORBIDDEN');
    site(SITE_WITH_PENDING_REQUEST).when(deny(AUDITOR, 'No')).thenRejects('FORBIDDEN');
  });

  it('rejects a request already granted or denied (REQUEST_NOT_PENDING); denying twice is never a no-op', () => {
    rejects(deny(PAT, 'No'), 'REQUEST_NOT_PENDING', [...SITE_WITH_PENDING_REQUEST, denied('req-1', 'nina')]);
    rejects(deny(PAT, 'No'), 'REQUEST_NOT_PENDING', [
      ...SITE_WITH_PENDING_REQUEST,
      granted('req-1', 'nina', 'user', NONE),
    ]);
  });

  it('rejects a blank reason (VALIDATION_FAILED) naming the reason field', () => {
    site(SITE_WITH_PENDING_REQUEST).when(deny(PAT, '')).thenRejects('VALIDATION_FAILED');
    site(SITE_WITH_PENDING_REQUEST).when(deny(PAT, '   \t ')).thenRejects('VALIDATION_FAILED');
    const state = SITE_WITH_PENDING_REQUEST.reduce(siteDecider.evolve, siteDecider.initialState());
    let thrown: unknown;
    try {
      siteDecider.decide(deny(PAT, '  '), state);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).errors).toEqual([{ field: 'reason', message: 'reason must not be empty' }]);
  });
});

describe('UpdateContact', () => {
  const update = (
    by: Actor,
    contactId: string,
    contact: ContactDetails,
    contactTypes: Contact['contactTypes'],
    userId?: string,
  ) =>
    command(by, {
      type: 'UpdateContact',
      contactId,
      contact,
      contactTypes: [...contactTypes],
      ...(userId !== undefined ? { userId } : {}),
    });
  const fresh = (userId: string, options: { operator?: boolean; auditor?: boolean } = {}) =>
    actor(userId, { ...options, authTime: FRESH });

  it('emits ContactUpdated (created) for a new contact, contact types de-duplicated and sorted', () => {
    emits(update(fresh('pat'), 'billing-1', BEA_DETAILS, ['renewal', 'billing', 'renewal']), [
      contactUpdated('billing-1', { ...BEA_CONTACT, contactTypes: ['billing', 'renewal'] }, true, 'pat', [
        { field: 'firstName', from: null, to: 'Bea' },
        { field: 'lastName', from: null, to: 'Billing' },
        { field: 'email', from: null, to: 'bea@example.com' },
        { field: 'telephone', from: null, to: '+49 89 5555' },
        { field: 'address', from: null, to: 'Marienplatz 8' },
        { field: 'city', from: null, to: 'Munich' },
        { field: 'postalCode', from: null, to: '80331' },
        { field: 'stateProvince', from: null, to: 'Bavaria' },
        { field: 'contactTypes', from: null, to: ['billing', 'renewal'] },
      ]),
    ]);
  });

  it('emits only the changed fields of an existing contact (secondary with contactUpdates update)', () => {
    site()
      .when(
        update(
          fresh('sam'),
          'primary',
          { ...PAT_DETAILS, email: 'pat.primary@example.com' },
          ['administrative'],
          'pat',
        ),
      )
      .then([
        contactUpdated('primary', { ...PAT_CONTACT, email: 'pat.primary@example.com' }, false, 'sam', [
          { field: 'email', from: 'pat@example.com', to: 'pat.primary@example.com' },
        ]),
      ]);
  });

  it('links a contact to a member and changes its types (operator)', () => {
    site(SITE_WITH_CONTACTS)
      .when(update(fresh('ops', { operator: true }), 'billing-1', BEA_DETAILS, ['media_shipping', 'billing'], 'uma'))
      .then([
        contactUpdated(
          'billing-1',
          { ...BEA_CONTACT, contactTypes: ['billing', 'media_shipping'], userId: 'uma' },
          false,
          'ops',
          [
            { field: 'contactTypes', from: ['billing'], to: ['billing', 'media_shipping'] },
            { field: 'userId', from: null, to: 'uma' },
          ],
        ),
      ]);
  });

  it('accepts a sign-in exactly 15 minutes old', () => {
    site(SITE_WITH_CONTACTS)
      .when(
        update(
          actor('pat', { authTime: '2026-03-01T09:45:00.000Z' }),
          'billing-1',
          { ...BEA_DETAILS, telephone: '+49 89 6666' },
          ['billing'],
        ),
      )
      .then([
        contactUpdated('billing-1', { ...BEA_CONTACT, telephone: '+49 89 6666' }, false, 'pat', [
          { field: 'telephone', from: '+49 89 5555', to: '+49 89 6666' },
        ]),
      ]);
  });

  it('changes nothing when identical to the stored contact (types in any order, duplicated; blank optional = absent)', () => {
    changesNothing(update(fresh('pat'), 'primary', PAT_DETAILS, ['administrative'], 'pat'));
    site()
      .when(
        update(
          fresh('pat'),
          'primary',
          { ...PAT_DETAILS, stateProvince: '' },
          ['administrative', 'administrative'],
          'pat',
        ),
      )
      .thenNothing();
    site(SITE_WITH_CONTACTS)
      .when(update(fresh('sam'), 'billing-1', BEA_DETAILS, ['billing']))
      .thenNothing();
  });

  it('rejects an unregistered site (NOT_FOUND)', () => {
    unregistered()
      .when(update(fresh('ops', { operator: true }), 'primary', PAT_DETAILS, ['administrative']))
      .thenRejects('NOT_FOUND');
  });

  it('rejects actors who may not update contacts (FORBIDDEN), even freshly signed in', () => {
    rejects(update(fresh('uma'), 'billing-1', BEA_DETAILS, ['billing']), 'FORBIDDEN');
    rejects(update(fresh('vic'), 'billing-1', BEA_DETAILS, ['billing']), 'FORBIDDEN');
    rejects(update(fresh('audrey', { auditor: true }), 'billing-1', BEA_DETAILS, ['billing']), 'FORBIDDEN');
  });

  it('rejects a sign-in older than 15 minutes or unknown (REAUTHENTICATION_REQUIRED)', () => {
    rejects(
      update(actor('pat', { authTime: STALE }), 'billing-1', BEA_DETAILS, ['billing']),
      'REAUTHENTICATION_REQUIRED',
    );
    rejects(update(PAT, 'billing-1', BEA_DETAILS, ['billing']), 'REAUTHENTICATION_REQUIRED');
    rejects(update(OPS, 'billing-1', BEA_DETAILS, ['billing']), 'REAUTHENTICATION_REQUIRED');
  });

  it('rejects linking the contact to a non-member (NOT_A_MEMBER)', () => {
    rejects(update(fresh('pat'), 'billing-1', BEA_DETAILS, ['billing'], 'nina'), 'NOT_A_MEMBER');
  });
});

describe('RemoveContact', () => {
  const removeContact = (by: Actor, contactId = 'billing-1') => command(by, { type: 'RemoveContact', contactId });
  const removed = (by: string): SiteEvent => ({
    type: 'ContactRemoved',
    data: { siteId: SITE, contactId: 'billing-1', contact: BEA_CONTACT, removedBy: by },
  });

  it('emits ContactRemoved carrying the removed contact', () => {
    site(SITE_WITH_CONTACTS)
      .when(removeContact(actor('pat', { authTime: FRESH })))
      .then([removed('pat')]);
  });

  it('lets a secondary with contactUpdates update and an operator remove', () => {
    site(SITE_WITH_CONTACTS)
      .when(removeContact(actor('sam', { authTime: FRESH })))
      .then([removed('sam')]);
    site(SITE_WITH_CONTACTS)
      .when(removeContact(actor('ops', { operator: true, authTime: FRESH })))
      .then([removed('ops')]);
  });

  it('rejects an unregistered site and an unknown contact (NOT_FOUND); removing twice is never a no-op', () => {
    unregistered()
      .when(removeContact(actor('ops', { operator: true, authTime: FRESH })))
      .thenRejects('NOT_FOUND');
    rejects(removeContact(actor('pat', { authTime: FRESH })), 'NOT_FOUND');
    rejects(removeContact(actor('pat', { authTime: FRESH })), 'NOT_FOUND', [...SITE_WITH_CONTACTS, removed('pat')]);
  });

  it('rejects actors who may not update contacts (FORBIDDEN)', () => {
    rejects(removeContact(actor('uma', { authTime: FRESH })), 'FORBIDDEN', SITE_WITH_CONTACTS);
    rejects(removeContact(actor('vic', { authTime: FRESH })), 'FORBIDDEN', SITE_WITH_CONTACTS);
    rejects(removeContact(actor('audrey', { auditor: true, authTime: FRESH })), 'FORBIDDEN', SITE_WITH_CONTACTS);
  });

  it('rejects a stale or unknown sign-in (REAUTHENTICATION_REQUIRED)', () => {
    rejects(removeContact(actor('pat', { authTime: STALE })), 'REAUTHENTICATION_REQUIRED', SITE_WITH_CONTACTS);
    site(SITE_WITH_CONTACTS).when(removeContact(PAT)).thenRejects('REAUTHENTICATION_REQUIRED');
  });
});

describe('ReviewContact (monthly contact review)', () => {
  const review = (by: Actor, contactId = 'billing-1') => command(by, { type: 'ReviewContact', contactId });
  const reviewed = (by: string): SiteEvent => ({
    type: 'ContactReviewed',
    data: { siteId: SITE, contactId: 'billing-1', reviewedAt: at, reviewedBy: by },
  });

  it('emits ContactReviewed with when and by whom; every review is recorded, also a repeated one', () => {
    site(SITE_WITH_CONTACTS)
      .when(review(actor('pat', { authTime: FRESH })))
      .then([reviewed('pat')]);
    site([...SITE_WITH_CONTACTS, reviewed('pat')])
      .when(review(actor('sam', { authTime: FRESH })))
      .then([reviewed('sam')]);
    site(SITE_WITH_CONTACTS)
      .when(review(actor('ops', { operator: true, authTime: FRESH })))
      .then([reviewed('ops')]);
  });

  it('changes nothing a decision reads: the state after a review is the state before', () => {
    const fold = (events: readonly SiteEvent[]) => events.reduce(siteDecider.evolve, siteDecider.initialState());
    expect(fold([...SITE_WITH_CONTACTS, reviewed('pat')])).toEqual(fold(SITE_WITH_CONTACTS));
  });

  it('rejects an unknown contact or site (NOT_FOUND)', () => {
    rejects(review(actor('pat', { authTime: FRESH }), 'nobody'), 'NOT_FOUND', SITE_WITH_CONTACTS);
    rejects(review(actor('pat', { authTime: FRESH })), 'NOT_FOUND', [
      ...SITE_WITH_CONTACTS,
      {
        type: 'ContactRemoved',
        data: { siteId: SITE, contactId: 'billing-1', contact: BEA_CONTACT, removedBy: 'pat' },
      },
    ]);
    unregistered()
      .when(review(actor('ops', { operator: true, authTime: FRESH })))
      .thenRejects('NOT_FOUND');
  });

  it('rejects actors who may not update contacts (FORBIDDEN), auditors included', () => {
    rejects(review(actor('uma', { authTime: FRESH })), 'FORBIDDEN', SITE_WITH_CONTACTS);
    rejects(review(actor('vic', { authTime: FRESH })), 'FORBIDDEN', SITE_WITH_CONTACTS);
    rejects(review(actor('nina', { authTime: FRESH })), 'FORBIDDEN', SITE_WITH_CONTACTS);
    rejects(review(actor('audrey', { auditor: true, authTime: FRESH })), 'FORBIDDEN', SITE_WITH_CONTACTS);
  });

  it('needs a fresh sign-in, like a contact update (REAUTHENTICATION_REQUIRED)', () => {
    rejects(review(actor('pat', { authTime: STALE })), 'REAUTHENTICATION_REQUIRED', SITE_WITH_CONTACTS);
    site(SITE_WITH_CONTACTS).when(review(PAT)).thenRejects('REAUTHENTICATION_REQUIRED');
  });
});

describe('no one raises their own authority', () => {
  const change = (by: Actor, userId: string, access: { role?: GrantableRole; privileges?: Partial<Privileges> }) =>
    command(by, { type: 'ChangeUserAccess', userId, ...access });

  it('nobody changes their own role or privileges, not even the primary or an operator', () => {
    rejects(change(SAM, 'sam', { privileges: FULL }), 'FORBIDDEN');
    rejects(change(VIC, 'vic', { role: 'secondary', privileges: { manageAccess: 'update' } }), 'FORBIDDEN');
    rejects(change(PAT, 'pat', { role: 'user' }), 'PRIMARY_CONTACT_IMMUTABLE');
    rejects(change(OPS, 'ops', { role: 'secondary' }), 'FORBIDDEN', [...SITE_WITH_MEMBERS, added('ops', 'user', NONE)]);
  });

  it('a secondary may not raise anyone above their own levels, but may keep or lower what others hold', () => {
    const withRich = [
      ...SITE_WITH_MEMBERS,
      added('ria', 'secondary', priv({ manageAccess: 'update', contactUpdates: 'update', accountDocuments: 'view' })),
    ];
    rejects(change(SAM, 'uma', { privileges: { ...UMA_PRIVILEGES, entitlements: 'update' } }), 'FORBIDDEN', withRich);
    site(withRich)
      .when(change(SAM, 'vic', { privileges: { manageAccess: 'update', contactUpdates: 'update' } }))
      .then([
        privilegesChanged('vic', VIC_PRIVILEGES, SAM_PRIVILEGES, 'sam', [
          { field: 'privileges.manageAccess', from: 'view', to: 'update' },
          { field: 'privileges.contactUpdates', from: 'view', to: 'update' },
        ]),
      ]);
    // ria keeps accountDocuments=view (which sam lacks) while sam lowers her contactUpdates.
    site(withRich)
      .when(
        change(SAM, 'ria', {
          privileges: { manageAccess: 'update', contactUpdates: 'view', accountDocuments: 'view' },
        }),
      )
      .then([
        privilegesChanged(
          'ria',
          priv({ manageAccess: 'update', contactUpdates: 'update', accountDocuments: 'view' }),
          priv({ manageAccess: 'update', contactUpdates: 'view', accountDocuments: 'view' }),
          'sam',
          [{ field: 'privileges.contactUpdates', from: 'update', to: 'view' }],
        ),
      ]);
  });

  it('the primary and operators may grant any level', () => {
    emits(change(OPS, 'vic', { privileges: FULL }), [
      {
        type: 'PrivilegesChanged',
        data: {
          siteId: SITE,
          userId: 'vic',
          from: VIC_PRIVILEGES,
          to: FULL,
          changes: expect.any(Array),
          changedBy: 'ops',
        },
      },
    ]);
  });

  it('nobody decides or edits their own access request (an operator who nominated themselves included)', () => {
    const history = [...SITE_WITH_MEMBERS, nominated('req-ops', 'ops')];
    const ops = { ...OPS };
    rejects(
      command(ops, { type: 'GrantAccess', requestId: 'req-ops', role: 'secondary', privileges: FULL }),
      'FORBIDDEN',
      history,
    );
    rejects(
      command(ops, { type: 'DenyAccess', requestId: 'req-ops', reason: 'changed my mind' }),
      'FORBIDDEN',
      history,
    );
    site(history)
      .when(
        command(ops, {
          type: 'EditNominationJustification',
          requestId: 'req-ops',
          businessJustification: 'A better reason than before',
        }),
      )
      .thenRejects('FORBIDDEN');
  });

  it('a secondary grants a request only up to their own levels', () => {
    site(SITE_WITH_PENDING_REQUEST)
      .when(
        command(SAM, {
          type: 'GrantAccess',
          requestId: 'req-1',
          role: 'secondary',
          privileges: { accountDocuments: 'view' },
        }),
      )
      .thenRejects('FORBIDDEN');
  });

  it("a demoted primary's privileges are those the transfer sets, checked against the new role", () => {
    const transfer = (formerPrimaryRole: GrantableRole, formerPrimaryPrivileges?: Partial<Privileges>) =>
      command(PAT, {
        type: 'TransferPrimaryContact',
        userId: 'sam',
        formerPrimaryRole,
        ...(formerPrimaryPrivileges ? { formerPrimaryPrivileges } : {}),
      });
    const [event] = siteDecider.decide(
      transfer('secondary', { manageAccess: 'view' }),
      SITE_WITH_MEMBERS.reduce(siteDecider.evolve, siteDecider.initialState()),
    );
    expect(event).toMatchObject({
      type: 'PrimaryContactTransferred',
      data: { formerPrimaryRole: 'secondary', formerPrimaryPrivileges: priv({ manageAccess: 'view' }) },
    });
    rejects(transfer('user', { manageAccess: 'view' }), 'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE');
  });

  it('auditors change nothing, whatever else they are', () => {
    rejects(change({ ...AUDITOR, operator: true }, 'uma', { role: 'secondary' }), 'FORBIDDEN');
    unregistered()
      .when(
        command(
          { ...AUDITOR, operator: true },
          {
            type: 'RegisterSite',
            siteId: SITE,
            name: 'Acme',
            primary: { ...person('pat'), ...PAT_DETAILS },
            contactId: 'primary',
            contactTypes: ['administrative'],
          },
        ),
      )
      .thenRejects('FORBIDDEN');
  });
});

describe('NominateSelf says what it asks for', () => {
  const nominate = (by: Actor, asks: { requestedRole?: GrantableRole; requestedPrivileges?: Partial<Privileges> }) =>
    command(by, {
      type: 'NominateSelf',
      requestId: 'req-1',
      firstName: 'Nina',
      lastName: 'Example',
      email: 'nina@example.com',
      businessJustification: JUSTIFICATION,
      ...asks,
    });

  it('records the requested role and privileges, normalised (omitted keys are none)', () => {
    emits(nominate(NINA, { requestedRole: 'secondary', requestedPrivileges: { manageAccess: 'view' } }), [
      nominated('req-1', 'nina', JUSTIFICATION, 'secondary', priv({ manageAccess: 'view' })),
    ]);
  });

  it('asks for the user role and nothing else when it does not say', () => {
    emits(nominate(NINA, {}), [nominated('req-1', 'nina', JUSTIFICATION, 'user', NONE)]);
  });

  it('refuses a user role with Account Management privileges (ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE)', () => {
    rejects(
      nominate(NINA, { requestedRole: 'user', requestedPrivileges: { contactUpdates: 'view' } }),
      'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE',
    );
  });

  it('a nomination stored before requests said what they ask for is read as the user role with nothing', () => {
    const state = [...SITE_WITH_MEMBERS].reduce(siteDecider.evolve, siteDecider.initialState());
    const old: SiteEvent = {
      type: 'UserNominated',
      data: { ...person('nina'), siteId: SITE, requestId: 'req-old', businessJustification: JUSTIFICATION },
    };
    expect(siteDecider.evolve(state, old).requests.get('req-old')).toMatchObject({
      requestedRole: 'user',
      requestedPrivileges: NONE,
    });
  });
});

describe('GrantAccess as requested, or changed', () => {
  const ASKED = priv({ softwareAccess: 'downloads', manageAccess: 'view', contactUpdates: 'view' });
  const ASKING_SECONDARY = [...SITE_WITH_MEMBERS, nominated('req-1', 'nina', JUSTIFICATION, 'secondary', ASKED)];
  const asRequested = { requestedRole: 'secondary' as const, requestedPrivileges: ASKED };
  const grant = (by: Actor, decision: { role?: GrantableRole; privileges?: Partial<Privileges> } = {}) =>
    command(by, { type: 'GrantAccess', requestId: 'req-1', ...decision });

  it('grants exactly the requested role and privileges when the grant names neither', () => {
    site(ASKING_SECONDARY)
      .when(grant(PAT))
      .then([granted('req-1', 'nina', 'secondary', ASKED, 'pat', asRequested)]);
  });

  it('takes the requested privileges when the grant names only the requested role', () => {
    site(ASKING_SECONDARY)
      .when(grant(PAT, { role: 'secondary' }))
      .then([granted('req-1', 'nina', 'secondary', ASKED, 'pat', asRequested)]);
  });

  it('grants another role with no privileges unless the grant names them', () => {
    site(ASKING_SECONDARY)
      .when(grant(PAT, { role: 'user' }))
      .then([granted('req-1', 'nina', 'user', NONE, 'pat', asRequested)]);
  });

  it('grants changed privileges, recording what was requested beside them', () => {
    site(ASKING_SECONDARY)
      .when(grant(OPS, { privileges: { reporting: 'view' } }))
      .then([granted('req-1', 'nina', 'secondary', priv({ reporting: 'view' }), 'ops', asRequested)]);
  });

  it('a secondary grants a request as made only within their own levels', () => {
    // sam holds manageAccess and contactUpdates update, but no softwareAccess: the request asks for downloads.
    rejects(grant(SAM), 'FORBIDDEN', ASKING_SECONDARY);
    site(ASKING_SECONDARY)
      .when(grant(SAM, { privileges: { manageAccess: 'view', contactUpdates: 'view' } }))
      .then([
        granted(
          'req-1',
          'nina',
          'secondary',
          priv({ manageAccess: 'view', contactUpdates: 'view' }),
          'sam',
          asRequested,
        ),
      ]);
  });

  it('checks the requested secondary role against the limit of four', () => {
    rejects(grant(PAT), 'SECONDARY_CONTACT_LIMIT', [
      ...SITE_WITH_FOUR_SECONDARIES,
      nominated('req-1', 'nina', JUSTIFICATION, 'secondary', ASKED),
    ]);
  });
});

describe('ChangeMemberDetails', () => {
  const edit = (
    by: Actor,
    userId: string,
    details: Partial<Record<'firstName' | 'lastName' | 'email' | 'telephone', string>>,
  ) => command(by, { type: 'ChangeMemberDetails', userId, details });
  const umaDetails = { firstName: 'Uma', lastName: 'Example', email: 'uma@example.com' };

  it('emits MemberDetailsChanged with before, after and each changed field', () => {
    emits(edit(SAM, 'uma', { lastName: 'Married', telephone: '+49 1' }), [
      {
        type: 'MemberDetailsChanged',
        data: {
          siteId: SITE,
          userId: 'uma',
          from: umaDetails,
          to: { ...umaDetails, lastName: 'Married', telephone: '+49 1' },
          changes: [
            { field: 'lastName', from: 'Example', to: 'Married' },
            { field: 'telephone', from: null, to: '+49 1' },
          ],
          changedBy: 'sam',
        },
      },
    ]);
  });

  it('keeps the role and privileges and changes the member as the state holds them', () => {
    const history = [...SITE_WITH_MEMBERS];
    const state = history.reduce(siteDecider.evolve, siteDecider.initialState());
    const after = siteDecider
      .decide(edit(PAT, 'uma', { email: 'uma@corp.example' }), state)
      .reduce(siteDecider.evolve, state);
    expect(after.members.get('uma')).toEqual({
      ...umaDetails,
      userId: 'uma',
      email: 'uma@corp.example',
      role: 'user',
      privileges: UMA_PRIVILEGES,
    });
  });

  it('changes nothing when every field sent equals the stored one', () => {
    changesNothing(edit(PAT, 'uma', { firstName: 'Uma', email: 'uma@example.com' }));
  });

  it('lets a manager edit their own details: they carry no authority', () => {
    emits(edit(SAM, 'sam', { telephone: '+49 2' }), [
      expect.objectContaining({ type: 'MemberDetailsChanged' }) as unknown as SiteEvent,
    ]);
    emits(edit(PAT, 'pat', { firstName: 'Patricia' }), [
      expect.objectContaining({ type: 'MemberDetailsChanged' }) as unknown as SiteEvent,
    ]);
  });

  it("leaves the primary's details to the primary and operators", () => {
    rejects(edit(SAM, 'pat', { firstName: 'Patricia' }), 'FORBIDDEN');
    emits(edit(OPS, 'pat', { firstName: 'Patricia' }), [
      expect.objectContaining({ type: 'MemberDetailsChanged' }) as unknown as SiteEvent,
    ]);
  });

  it('refuses whoever may not manage access (FORBIDDEN), a plain member editing themself and auditors included', () => {
    given(siteDecider, SITE_WITH_MEMBERS).rejectsEach('FORBIDDEN', [
      edit(VIC, 'uma', { firstName: 'X' }),
      edit(UMA, 'uma', { firstName: 'X' }),
      edit(NINA, 'uma', { firstName: 'X' }),
      edit(AUDITOR, 'uma', { firstName: 'X' }),
    ]);
  });

  it('refuses a non-member (NOT_A_MEMBER), an empty edit (VALIDATION_FAILED) and an unregistered site (NOT_FOUND)', () => {
    rejects(edit(PAT, 'nina', { firstName: 'Nina' }), 'NOT_A_MEMBER');
    rejects(edit(PAT, 'uma', {}), 'VALIDATION_FAILED');
    unregistered()
      .when(edit(OPS, 'uma', { firstName: 'X' }))
      .thenRejects('NOT_FOUND');
  });
});
