import type { Contact } from './contact.js';
import type { Privileges } from './privileges.js';
import type { MemberProfile, SiteEvent } from './site.events.js';
import {
  type SiteState,
  evolveSite,
  initialSiteState,
  pendingRequestOf,
  primaryOf,
  secondaryCount,
} from './site.state.js';
import { FULL, FULL_USER, NONE } from '../testing/privilege-fixtures.js';

const SITE = '1234567';
const person = (userId: string, firstName: string): MemberProfile => ({
  userId,
  firstName,
  lastName: 'Example',
  email: `${userId}@example.com`,
});
const pat = person('pat', 'Pat');
const sam = person('sam', 'Sam');
const uma = person('uma', 'Uma');
const vic = person('vic', 'Vic');
const nina = person('nina', 'Nina');
const patContact: Contact = {
  contactId: 'primary',
  ...pat,
  telephone: '+49 89 1234',
  address: 'Leopoldstr. 1',
  city: 'Munich',
  postalCode: '80802',
  contactTypes: ['administrative'],
};

const fold = (events: readonly SiteEvent[]): SiteState => events.reduce(evolveSite, initialSiteState());

describe('evolveSite', () => {
  const samPrivileges: Privileges = { ...NONE, manageAccess: 'update', contactUpdates: 'view' };
  const umaPrivileges: Privileges = { ...NONE, softwareAccess: 'downloads' };
  const ninaPrivileges: Privileges = { ...NONE, reporting: 'view' };
  const ninaNewPrivileges: Privileges = { ...NONE, reporting: 'view', entitlements: 'view', accountDocuments: 'view' };

  const history: SiteEvent[] = [
    {
      type: 'SiteRegistered',
      data: {
        siteId: SITE,
        name: 'Acme Munich',
        primary: pat,
        privileges: FULL,
        contact: patContact,
        registeredBy: 'ops',
      },
    },
    { type: 'UserAdded', data: { ...sam, siteId: SITE, role: 'secondary', privileges: samPrivileges, addedBy: 'pat' } },
    { type: 'UserAdded', data: { ...uma, siteId: SITE, role: 'user', privileges: umaPrivileges, addedBy: 'pat' } },
    { type: 'UserAdded', data: { ...vic, siteId: SITE, role: 'user', privileges: NONE, addedBy: 'sam' } },
    { type: 'UserNominated', data: { ...nina, siteId: SITE, requestId: 'req-1', businessJustification: 'Rollout' } },
    {
      type: 'NominationJustificationEdited',
      data: {
        siteId: SITE,
        requestId: 'req-1',
        userId: 'nina',
        from: 'Rollout',
        to: 'Munich rollout lead',
        editedBy: 'sam',
      },
    },
    {
      type: 'AccessGranted',
      data: {
        ...nina,
        siteId: SITE,
        requestId: 'req-1',
        role: 'user',
        privileges: ninaPrivileges,
        grantedBy: 'sam',
        businessJustification: 'Munich rollout lead',
      },
    },
    { type: 'RoleChanged', data: { siteId: SITE, userId: 'nina', from: 'user', to: 'secondary', changedBy: 'pat' } },
    {
      type: 'PrivilegesChanged',
      data: {
        siteId: SITE,
        userId: 'nina',
        from: ninaPrivileges,
        to: ninaNewPrivileges,
        changes: [
          { field: 'privileges.entitlements', from: 'none', to: 'view' },
          { field: 'privileges.accountDocuments', from: 'none', to: 'view' },
        ],
        changedBy: 'pat',
      },
    },
    {
      type: 'PrimaryContactTransferred',
      data: {
        siteId: SITE,
        from: pat,
        to: sam,
        formerPrimaryRole: 'user',
        formerPrimaryPrivileges: FULL_USER,
        newPrimaryPreviousRole: 'secondary',
        newPrimaryPreviousPrivileges: samPrivileges,
        transferredBy: 'pat',
      },
    },
    { type: 'UserRemoved', data: { ...vic, siteId: SITE, role: 'user', privileges: NONE, removedBy: 'sam' } },
  ];

  it('folds a full history into the members, requests and contacts it describes', () => {
    const state = fold(history);
    expect({
      ...state,
      members: Object.fromEntries(state.members),
      requests: Object.fromEntries(state.requests),
      contacts: state.contacts.toJS(),
      pendingByUser: state.pendingByUser.toJS(),
    }).toEqual({
      exists: true,
      primaryUserId: 'sam',
      secondaryCount: 1,
      pendingByUser: {},
      siteId: SITE,
      name: 'Acme Munich',
      members: {
        pat: { ...pat, role: 'user', privileges: FULL_USER },
        sam: { ...sam, role: 'primary', privileges: FULL },
        uma: { ...uma, role: 'user', privileges: umaPrivileges },
        nina: { ...nina, role: 'secondary', privileges: ninaNewPrivileges },
      },
      requests: {
        'req-1': {
          ...nina,
          requestId: 'req-1',
          status: 'granted',
          businessJustification: 'Munich rollout lead',
          originalJustification: 'Rollout',
          requestedRole: 'user', // the nomination asked for nothing particular
          requestedPrivileges: NONE,
        },
      },
      contacts: { primary: patContact },
    });
  });

  it('answers the helper queries on the folded state', () => {
    const state = fold(history);
    expect(primaryOf(state)).toEqual({ ...sam, role: 'primary', privileges: FULL });
    expect(secondaryCount(state)).toBe(1);
    expect(pendingRequestOf(state, 'nina')).toBeUndefined();
  });

  it('marks a denied request denied, keeps the edited and original justification, adds no member', () => {
    const state = fold([
      ...history.slice(0, 6),
      {
        type: 'AccessDenied',
        data: {
          ...nina,
          siteId: SITE,
          requestId: 'req-1',
          reason: 'No',
          deniedBy: 'pat',
          businessJustification: 'Munich rollout lead',
        },
      },
    ]);
    expect(state.requests.get('req-1')).toEqual({
      ...nina,
      requestId: 'req-1',
      status: 'denied',
      businessJustification: 'Munich rollout lead',
      originalJustification: 'Rollout',
      requestedRole: 'user', // the nomination asked for nothing particular
      requestedPrivileges: NONE,
    });
    expect(state.members.get('nina')).toBeUndefined();
  });

  it('keeps a pending request findable by user until it is decided', () => {
    const state = fold(history.slice(0, 6));
    expect(pendingRequestOf(state, 'nina')).toEqual({
      ...nina,
      requestId: 'req-1',
      status: 'pending',
      businessJustification: 'Munich rollout lead',
      originalJustification: 'Rollout',
      requestedRole: 'user', // the nomination asked for nothing particular
      requestedPrivileges: NONE,
    });
  });

  it('adds, replaces and removes contacts', () => {
    const billing: Contact = { ...patContact, contactId: 'billing-1', contactTypes: ['billing'] };
    const withBilling = fold([
      ...history.slice(0, 1),
      {
        type: 'ContactUpdated',
        data: { siteId: SITE, contactId: 'billing-1', contact: billing, created: true, changes: [], updatedBy: 'pat' },
      },
    ]);
    expect(withBilling.contacts.toJS()).toEqual({ primary: patContact, 'billing-1': billing });
    const withoutPrimary = evolveSite(withBilling, {
      type: 'ContactRemoved',
      data: { siteId: SITE, contactId: 'primary', contact: patContact, removedBy: 'pat' },
    });
    expect(withoutPrimary.contacts.toJS()).toEqual({ 'billing-1': billing });
  });
});
