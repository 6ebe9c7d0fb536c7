import { DomainError, secretDigest } from '#core';
import type { AccessRole } from './access-roles.js';
import type { EnterpriseCommand } from './enterprise.commands.js';
import { enterpriseDecider } from './enterprise.decider.js';
import type { EnterpriseEvent } from './enterprise.events.js';
import { enterpriseSnapshot } from './enterprise.snapshot.js';
import type { EnterpriseState } from './enterprise.state.js';
import { expectEventTypes, expectSameDecisions, plainState, throughSnapshot } from '#core/testing/snapshot-testing';

const AT = '2026-03-01T10:00:00.000Z';
const HQ = 'loc-hq';
const fold = (events: readonly EnterpriseEvent[], from: EnterpriseState = enterpriseDecider.initialState()) =>
  events.reduce(enterpriseDecider.evolve, from);
const person = (userId: string) => ({
  firstName: userId.slice(0, 1).toUpperCase() + userId.slice(1, 4),
  lastName: 'Example',
  email: `${userId}@example.com`,
});
const profile = (city: string, partnerTier: 1 | 2 = 2) => ({
  name: `Acme ${city}`,
  address: '1 Main St',
  city,
  postalCode: '10000',
  partnerTier,
});
const asStored = (events: readonly EnterpriseEvent[]): EnterpriseEvent[] =>
  events.map((e) => enterpriseDecider.read!({ type: e.type, data: JSON.parse(JSON.stringify(e.data)) as object })!);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Body = DistributiveOmit<EnterpriseCommand, 'actor' | 'at'>;

/**
 * A long enterprise history made by the real decider: people ask to join the HQ and are approved
 * or denied, get roles, TCI roles and new profiles, leave; the token rotates, the policy toggles,
 * locations open in other countries and get a PRC. Commands the decider refuses are left out.
 */
function history(people = 400): EnterpriseEvent[] {
  const events: EnterpriseEvent[] = [];
  let digest = secretDigest('token-0');
  const run = (userId: string, body: Body) => {
    try {
      events.push(
        ...asStored(
          enterpriseDecider.decide({ ...body, actor: { userId }, at: AT } as EnterpriseCommand, fold(events)),
        ),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  run('pat', {
    type: 'RegisterEnterprise',
    enterpriseId: 'ent-1',
    name: 'Acme',
    countryEnterpriseId: 'ce-us',
    countryEnterpriseName: 'Acme US',
    location: { locationId: HQ, country: 'US', companyTokenDigest: digest, ...profile('Armonk') },
    employee: person('pat'),
  });
  const countries = ['DE', 'FR', 'JP', 'BR', 'IN', 'GB', 'IT', 'ES', 'CA', 'AU'];
  for (let i = 0; i < people; i++) {
    const userId = `emp${i}`;
    const associationId = `as-${i}`;
    run(userId, {
      type: 'RequestSelfAssociation',
      locationId: HQ,
      associationId,
      companyTokenDigest: digest,
      employee: person(userId),
    });
    if (i % 5 === 4) run('pat', { type: 'DenySelfAssociation', associationId, reason: 'unknown' });
    else run('pat', { type: 'ApproveSelfAssociation', associationId });
    const roles: AccessRole[] = ['apa', 'view_only', 'distributor', 'personal_update'];
    if (i % 3 === 1)
      run('pat', { type: 'ChangeAccessRole', locationId: HQ, userId, accessRole: roles[i % roles.length]! });
    if (i % 11 === 5)
      run('pat', {
        type: 'ChangeTciRoles',
        locationId: HQ,
        userId,
        businessContact: true,
        secondaryBusinessContact: i % 2 === 0,
      });
    if (i % 13 === 6)
      run('pat', {
        type: 'UpdateEmployeeProfile',
        locationId: HQ,
        userId,
        profile: { ...person(userId), telephone: `+1 555 ${i}` },
      });
    if (i % 17 === 8) run('pat', { type: 'RemoveEmployee', locationId: HQ, userId: `emp${i - 2}` });
    if (i % 19 === 9) {
      digest = secretDigest(`token-${i}`);
      run('pat', { type: 'RotateCompanyToken', locationId: HQ, companyTokenDigest: digest });
    }
    if (i % 23 === 10)
      run('pat', { type: 'ChangeSelfAssociationPolicy', locationId: HQ, autoAcceptSelfAssociation: i % 2 === 0 });
    if (i % 37 === 12 && countries.length > 0) {
      const country = countries.shift()!;
      const locationId = `loc-${country.toLowerCase()}`;
      run('pat', {
        type: 'CreateLocation',
        location: { locationId, country, companyTokenDigest: secretDigest(locationId), ...profile(country) },
        newCountryEnterpriseId: `ce-${country.toLowerCase()}`,
        employee: person('pat'),
      });
      run('pat', { type: 'UpdateLocationProfile', locationId, profile: profile(`${country} City`, 1) });
      run(`boss${i}`, {
        type: 'RequestSelfAssociation',
        locationId,
        associationId: `as-boss-${i}`,
        companyTokenDigest: secretDigest(locationId),
        employee: person(`boss${i}`),
      });
      run('pat', { type: 'ApproveSelfAssociation', associationId: `as-boss-${i}` });
      run('pat', { type: 'AssignPrimaryRelationshipContact', locationId, userId: `boss${i}` });
    }
  }
  return events;
}

describe('enterpriseSnapshot', () => {
  const events = history();
  const full = fold(events);

  it('the history covers every enterprise event type (the comparison below is not vacuous)', () => {
    expectEventTypes(events, [
      'EnterpriseRegistered',
      'CountryEnterpriseAdded',
      'LocationCreated',
      'LocationProfileUpdated',
      'EmployeeJoined',
      'EmployeeSelfAssociationRequested',
      'EmployeeSelfAssociationApproved',
      'EmployeeSelfAssociationDenied',
      'AccessRoleChanged',
      'PrimaryRelationshipContactAssigned',
      'EmployeeLeft',
      'TciRolesChanged',
      'EmployeeProfileUpdated',
      'SelfAssociationPolicyChanged',
      'CompanyTokenRotated',
    ]);
    expect(full.employees.size).toBeGreaterThan(200);
  });

  it.each([0, 1, 5, 333, 1000, events.length])(
    'state restored from a snapshot after %i events + the tail equals the full fold',
    (split) => {
      const restored = fold(events.slice(split), throughSnapshot(enterpriseSnapshot, fold(events.slice(0, split))));
      expect(plainState(restored)).toEqual(plainState(full));
    },
  );

  it('a restored state decides exactly as the full fold, refusals included', () => {
    const continued = fold(events.slice(700), throughSnapshot(enterpriseSnapshot, fold(events.slice(0, 700))));
    const commands: EnterpriseCommand[] = [
      {
        type: 'ChangeAccessRole',
        locationId: HQ,
        userId: 'emp2',
        accessRole: 'apa',
        actor: { userId: 'pat', operator: false, auditor: false },
        at: AT,
      },
      {
        type: 'ChangeAccessRole',
        locationId: HQ,
        userId: 'emp4',
        accessRole: 'apa',
        actor: { userId: 'pat', operator: false, auditor: false },
        at: AT,
      },
      {
        type: 'RemoveEmployee',
        locationId: HQ,
        userId: 'emp10',
        actor: { userId: 'emp3', operator: false, auditor: false },
        at: AT,
      },
      {
        type: 'RequestSelfAssociation',
        locationId: HQ,
        associationId: 'as-new',
        companyTokenDigest: secretDigest('token-0'),
        employee: person('newbie'),
        actor: { userId: 'newbie', operator: false, auditor: false },
        at: AT,
      },
    ];
    expectSameDecisions(enterpriseDecider.decide, continued, full, commands);
  });

  it('refuses what is not an enterprise snapshot', () => {
    expect(() => enterpriseSnapshot.fromJson('nope')).toThrow(/enterprise snapshot/);
    expect(() => enterpriseSnapshot.fromJson({ exists: true })).toThrow(/enterprise snapshot/);
  });
});
