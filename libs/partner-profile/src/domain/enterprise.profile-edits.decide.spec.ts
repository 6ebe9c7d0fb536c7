import { fold, secretDigest } from '#core';
import { casesOn, given } from '#core/testing/given-when-then';
import type { AccessRole, EmployeeProfile, LocationProfile } from './access-roles.js';
import type { EnterpriseCommand } from './enterprise.commands.js';
import { enterpriseDecider } from './enterprise.decider.js';
import type { EnterpriseEvent } from './enterprise.events.js';
import { managesLocation } from './enterprise.scope.js';
import { type EnterpriseState, employmentsOf } from './enterprise.state.js';
import { scopeOf } from './enterprise.decide.js';

// ---------------------------------------------------------------------------------------------
// Issue 13: AddEmployee, RenameEnterprise, RenameCountryEnterprise, MoveCountryHeadquarters,
// MoveWorldwideHeadquarters. The world is recorded by the decider itself:
//
//   ce-us  us-hq    US tier 2  worldwide HQ + US HQ   pat PRC · ana APA · uma personal_update · ned (PRC of us-east)
//          us-east  US tier 1                         ned PRC · eve APA
//          us-west  US tier 2                         wes PRC
//   ce-de  de-hq    DE tier 2  DE HQ                  dirk PRC · alf APA
//          de-ber   DE tier 2                         bea PRC
//
// nina asked to join us-hq and waits; zed is a stranger.
// ---------------------------------------------------------------------------------------------

const AT = '2026-03-01T10:00:00.000Z';
const person = (userId: string): EmployeeProfile => ({ firstName: userId, lastName: 'X', email: `${userId}@x.com` });
const place = (name: string, partnerTier: 1 | 2 = 2): LocationProfile => ({
  name,
  address: '1 Main',
  city: 'C',
  postalCode: '1',
  partnerTier,
});
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Body = DistributiveOmit<EnterpriseCommand, 'actor' | 'at'>;
const by = (userId: string, body: Body, extra: { operator?: boolean } = {}): EnterpriseCommand =>
  ({ ...body, actor: { userId, ...extra }, at: AT }) as EnterpriseCommand;

const stateOf = (events: readonly EnterpriseEvent[]): EnterpriseState =>
  fold(enterpriseDecider.evolve, enterpriseDecider.initialState(), events);
function play(history: readonly EnterpriseEvent[], ...commands: EnterpriseCommand[]): EnterpriseEvent[] {
  return commands.reduce<EnterpriseEvent[]>(
    (log, command) => [...log, ...enterpriseDecider.decide(command, stateOf(log))],
    [...history],
  );
}

const create = (userId: string, locationId: string, country: string, newCountryEnterpriseId: string, tier: 1 | 2 = 2) =>
  by(userId, {
    type: 'CreateLocation',
    location: { ...place(locationId, tier), locationId, country, companyTokenDigest: secretDigest(locationId) },
    newCountryEnterpriseId,
    employee: person(userId),
  });
const join = (userId: string, locationId: string) =>
  by(userId, {
    type: 'RequestSelfAssociation',
    locationId,
    associationId: `as-${userId}-${locationId}`,
    companyTokenDigest: secretDigest(locationId),
    employee: person(userId),
  });
const approve = (decider: string, userId: string, locationId: string) =>
  by(decider, { type: 'ApproveSelfAssociation', associationId: `as-${userId}-${locationId}` });
const hire = (manager: string, userId: string, locationId: string, role: AccessRole = 'personal_update') => [
  join(userId, locationId),
  approve(manager, userId, locationId),
  ...(role === 'personal_update'
    ? []
    : [by(manager, { type: 'ChangeAccessRole', locationId, userId, accessRole: role })]),
];

const WORLD = play(
  [],
  by('pat', {
    type: 'RegisterEnterprise',
    enterpriseId: 'ent',
    name: 'Acme',
    countryEnterpriseId: 'ce-us',
    countryEnterpriseName: 'Acme US',
    location: { ...place('us-hq'), locationId: 'us-hq', country: 'US', companyTokenDigest: secretDigest('us-hq') },
    employee: person('pat'),
  }),
  ...hire('pat', 'ana', 'us-hq', 'apa'),
  ...hire('pat', 'uma', 'us-hq'),
  ...hire('pat', 'ned', 'us-hq'),
  ...hire('pat', 'wes', 'us-hq'),
  ...hire('pat', 'dirk', 'us-hq'),
  create('ned', 'us-east', 'US', 'unused', 1),
  ...hire('ned', 'eve', 'us-east', 'apa'),
  create('wes', 'us-west', 'US', 'unused'),
  create('dirk', 'de-hq', 'DE', 'ce-de'),
  ...hire('dirk', 'alf', 'de-hq', 'apa'),
  ...hire('dirk', 'bea', 'de-hq'),
  create('bea', 'de-ber', 'DE', 'unused'),
  join('nina', 'us-hq'),
);

const { rejects, changesNothing, emits } = casesOn(enterpriseDecider, WORLD);
const world = (events: readonly EnterpriseEvent[] = WORLD) => given(enterpriseDecider, events);
/** The locations `userId` manages in `events`' state. */
const managedBy = (events: readonly EnterpriseEvent[], userId: string) => {
  const state = stateOf(events);
  return [...state.locations.keys()]
    .filter((l) => managesLocation(employmentsOf(state, userId), scopeOf(state), l))
    .sort();
};

describe('the world of these specs', () => {
  it('has two country enterprises with their HQs and nina waiting at us-hq', () => {
    const state = stateOf(WORLD);
    expect([...state.countries.values()].map((c) => [c.countryEnterpriseId, c.headquartersLocationId])).toEqual([
      ['ce-us', 'us-hq'],
      ['ce-de', 'de-hq'],
    ]);
    expect(managedBy(WORLD, 'dirk')).toEqual(['de-ber', 'de-hq']);
    expect(managedBy(WORLD, 'pat')).toHaveLength(5);
    expect(state.associations.get('as-nina-us-hq')?.status).toBe('pending');
  });
});

describe('AddEmployee', () => {
  const add = (actor: string, userId: string, locationId = 'us-east', accessRole: AccessRole = 'personal_update') =>
    by(actor, { type: 'AddEmployee', locationId, userId, employee: person(userId), accessRole });
  const joined = (userId: string, locationId: string, accessRole: AccessRole): EnterpriseEvent => ({
    type: 'EmployeeJoined',
    data: {
      enterpriseId: 'ent',
      locationId,
      userId,
      ...person(userId),
      accessRole,
      tci: { businessContact: false, secondaryBusinessContact: false },
      via: 'added',
    },
  });

  it('lets the PRC, an APA and a PRC in scope add a person directly, with the role given', () => {
    emits(add('ned', 'zed'), [joined('zed', 'us-east', 'personal_update')]);
    emits(add('eve', 'zed', 'us-east', 'view_only'), [joined('zed', 'us-east', 'view_only')]);
    emits(add('pat', 'zed', 'de-ber', 'apa'), [joined('zed', 'de-ber', 'apa')]);
    emits(add('dirk', 'zed', 'de-ber'), [joined('zed', 'de-ber', 'personal_update')]);
  });

  it('refuses anyone out of scope (FORBIDDEN): employees, an APA elsewhere, a stranger, an operator', () => {
    world().rejectsEach('FORBIDDEN', [
      add('uma', 'zed', 'us-hq'),
      add('alf', 'zed', 'de-ber'),
      add('eve', 'zed', 'us-west'),
      add('zed', 'zoe'),
      by(
        'op',
        {
          type: 'AddEmployee',
          locationId: 'us-east',
          userId: 'zed',
          employee: person('zed'),
          accessRole: 'personal_update',
        },
        { operator: true },
      ),
    ]);
  });

  it('nobody adds themselves, not even a PRC in scope to another location (no one raises their own authority)', () => {
    world().rejectsEach('FORBIDDEN', [
      add('pat', 'pat', 'us-east', 'apa'),
      add('dirk', 'dirk', 'de-ber', 'apa'),
      add('ned', 'ned'),
    ]);
  });

  it('never adds a PRC (the role changes hands by assignment)', () => {
    rejects(add('ned', 'zed', 'us-east', 'prc'), 'PRC_REQUIRES_TRANSFER');
  });

  it('refuses a member (ALREADY_MEMBER), a person whose request waits (REQUEST_PENDING), distributors where not allowed', () => {
    rejects(add('pat', 'uma', 'us-hq'), 'ALREADY_MEMBER');
    rejects(add('pat', 'nina', 'us-hq'), 'REQUEST_PENDING');
    rejects(add('ned', 'zed', 'us-east', 'distributor'), 'DISTRIBUTOR_ROLE_NOT_ALLOWED'); // tier 1
    rejects(add('dirk', 'zed', 'de-ber', 'distributor_pi'), 'DISTRIBUTOR_ROLE_NOT_ALLOWED'); // EMEA
    emits(add('wes', 'zed', 'us-west', 'distributor'), [joined('zed', 'us-west', 'distributor')]);
  });

  it('refuses an unknown location (NOT_FOUND)', () => {
    rejects(add('pat', 'zed', 'nowhere'), 'NOT_FOUND');
  });
});

describe('RenameEnterprise', () => {
  const rename = (actor: string, name = 'Acme Worldwide') => by(actor, { type: 'RenameEnterprise', name });

  it('lets the PRC of the worldwide HQ rename it, recording before and after', () => {
    emits(rename('pat'), [
      {
        type: 'EnterpriseRenamed',
        data: {
          enterpriseId: 'ent',
          worldwideHeadquartersLocationId: 'us-hq',
          from: 'Acme',
          to: 'Acme Worldwide',
          renamedBy: 'pat',
        },
      },
    ]);
    expect(stateOf(play(WORLD, rename('pat'))).name).toBe('Acme Worldwide');
  });

  it('refuses everyone else: an APA of the worldwide HQ, a country HQ PRC, an employee, an operator', () => {
    world().rejectsEach('FORBIDDEN', [
      rename('ana'),
      rename('dirk'),
      rename('uma'),
      rename('zed'),
      by('op', { type: 'RenameEnterprise', name: 'X' }, { operator: true }),
    ]);
  });

  it('changes nothing when the name stays', () => {
    changesNothing(rename('pat', 'Acme'));
  });
});

describe('RenameCountryEnterprise', () => {
  const rename = (actor: string, countryEnterpriseId = 'ce-de', name = 'Acme Deutschland') =>
    by(actor, { type: 'RenameCountryEnterprise', countryEnterpriseId, name });

  it('lets the PRC of the country HQ and the PRC of the worldwide HQ rename it', () => {
    const renamed = (renamedBy: string): EnterpriseEvent[] => [
      {
        type: 'CountryEnterpriseRenamed',
        data: {
          enterpriseId: 'ent',
          countryEnterpriseId: 'ce-de',
          headquartersLocationId: 'de-hq',
          from: 'Acme DE',
          to: 'Acme Deutschland',
          renamedBy,
        },
      },
    ];
    emits(rename('dirk'), renamed('dirk'));
    emits(rename('pat'), renamed('pat'));
  });

  it('refuses an APA of the country HQ, the PRC of another location of the country, another country HQ PRC', () => {
    world().rejectsEach('FORBIDDEN', [rename('alf'), rename('bea'), rename('ned', 'ce-us'), rename('dirk', 'ce-us')]);
  });

  it('refuses an unknown country enterprise (NOT_FOUND) and changes nothing for the same name', () => {
    rejects(rename('pat', 'ce-xx'), 'NOT_FOUND');
    changesNothing(rename('dirk', 'ce-de', 'Acme DE'));
  });
});

describe('MoveCountryHeadquarters', () => {
  const move = (actor: string, locationId: string, countryEnterpriseId = 'ce-de') =>
    by(actor, { type: 'MoveCountryHeadquarters', countryEnterpriseId, locationId });
  const moved = (to: string, movedBy: string, from = 'de-hq', countryEnterpriseId = 'ce-de'): EnterpriseEvent => ({
    type: 'CountryHeadquartersMoved',
    data: { enterpriseId: 'ent', countryEnterpriseId, from, to, movedBy },
  });

  it('lets the PRC of the current country HQ or of the worldwide HQ move it within the country', () => {
    emits(move('dirk', 'de-ber'), [moved('de-ber', 'dirk')]);
    emits(move('pat', 'de-ber'), [moved('de-ber', 'pat')]);
    emits(move('pat', 'us-east', 'ce-us'), [moved('us-east', 'pat', 'us-hq', 'ce-us')]);
  });

  it('takes effect at once: the new HQ’s PRC manages the country, the former HQ’s PRC only their own location', () => {
    const after = play(WORLD, move('dirk', 'de-ber'));
    expect(managedBy(after, 'bea')).toEqual(['de-ber', 'de-hq']);
    expect(managedBy(after, 'dirk')).toEqual(['de-hq']);
    // bea now decides for the whole country, dirk no longer for Berlin
    world(after)
      .when(move('bea', 'de-hq'))
      .then([moved('de-hq', 'bea', 'de-ber')]);
    world(after).when(move('dirk', 'de-hq')).thenRejects('FORBIDDEN');
  });

  it('refuses the PRC of a non-HQ location (who would gain the country), an APA of the HQ and other countries’ PRCs', () => {
    world().rejectsEach('FORBIDDEN', [
      move('bea', 'de-ber'),
      move('alf', 'de-ber'),
      move('ned', 'us-east', 'ce-us'),
      move('dirk', 'us-east', 'ce-us'),
    ]);
  });

  it('no one raises their own authority: whoever moves it never manages more afterwards', () => {
    for (const [actor, to, country] of [
      ['dirk', 'de-ber', 'ce-de'],
      ['pat', 'de-ber', 'ce-de'],
      ['pat', 'us-east', 'ce-us'],
    ] as const) {
      const before = managedBy(WORLD, actor);
      const after = managedBy(play(WORLD, move(actor, to, country)), actor);
      expect(after.filter((l) => !before.includes(l))).toEqual([]);
    }
  });

  it('refuses a location of another country (VALIDATION_FAILED), unknown ones (NOT_FOUND); the same HQ changes nothing', () => {
    rejects(move('pat', 'us-east'), 'VALIDATION_FAILED');
    rejects(move('pat', 'nowhere'), 'NOT_FOUND');
    rejects(move('pat', 'de-ber', 'ce-xx'), 'NOT_FOUND');
    changesNothing(move('dirk', 'de-hq'));
  });
});

describe('MoveWorldwideHeadquarters', () => {
  const move = (actor: string, locationId: string) => by(actor, { type: 'MoveWorldwideHeadquarters', locationId });

  it('lets the PRC of the worldwide HQ move it to any location; scope follows at once', () => {
    emits(move('pat', 'de-hq'), [
      { type: 'WorldwideHeadquartersMoved', data: { enterpriseId: 'ent', from: 'us-hq', to: 'de-hq', movedBy: 'pat' } },
    ]);
    const after = play(WORLD, move('pat', 'de-hq'));
    expect(stateOf(after).worldwideHeadquartersLocationId).toBe('de-hq');
    expect(managedBy(after, 'dirk')).toHaveLength(5);
    // pat keeps the US (country HQ PRC) but no longer Germany
    expect(managedBy(after, 'pat')).toEqual(['us-east', 'us-hq', 'us-west']);
  });

  it('refuses a country HQ PRC (who would gain every country), an APA of the worldwide HQ, employees, operators', () => {
    world().rejectsEach('FORBIDDEN', [
      move('dirk', 'de-hq'),
      move('ana', 'us-east'),
      move('uma', 'us-east'),
      by('op', { type: 'MoveWorldwideHeadquarters', locationId: 'de-hq' }, { operator: true }),
    ]);
  });

  it('no one raises their own authority: the mover never manages more afterwards', () => {
    for (const to of ['de-hq', 'us-east', 'de-ber']) {
      const before = managedBy(WORLD, 'pat');
      expect(managedBy(play(WORLD, move('pat', to)), 'pat').filter((l) => !before.includes(l))).toEqual([]);
    }
  });

  it('refuses an unknown location (NOT_FOUND); the same HQ changes nothing', () => {
    rejects(move('pat', 'nowhere'), 'NOT_FOUND');
    changesNothing(move('pat', 'us-hq'));
  });

  it('auditors change nothing here either', () => {
    world()
      .when({
        type: 'MoveWorldwideHeadquarters',
        locationId: 'de-hq',
        actor: { userId: 'pat', operator: false, auditor: true },
        at: AT,
      })
      .thenRejects('FORBIDDEN');
  });
});
