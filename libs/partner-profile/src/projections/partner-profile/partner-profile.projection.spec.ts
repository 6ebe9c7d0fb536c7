import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, secretDigest } from '#core';
import { recordHistory } from '#event-store/testing/record-history';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import type { DocumentStore } from '#read-store';
import { expectIdempotent, project } from '#read-store/testing/projection-testing';
import { type EmployeeProfile, type LocationProfile, NO_TCI } from '../../domain/access-roles.js';
import type { EnterpriseCommand } from '../../domain/enterprise.commands.js';
import { enterpriseDecider } from '../../domain/enterprise.decider.js';
import {
  type EmployeeDocument,
  type EnterpriseDocument,
  type LocationView,
  PARTNER_COLLECTIONS as C,
  type SelfAssociationDocument,
  partnerEmployeeKey,
} from '../read-models.js';
import { PartnerProfileProjection } from './partner-profile.projection.js';
import { enterpriseStream } from '../../domain/enterprise.streams.js';

const ENTERPRISE = 'ent-acme';
const ENTERPRISE_NAME = 'Acme Corp';
const CE_US = 'ce-us';
const CE_DE = 'ce-de';
const HQ = 'loc-hq';
const US2 = 'loc-us2';
const DE = 'loc-de';

const PAULA = 'paula@example.com';
const LUIS = 'luis@example.com';
const DORA = 'dora@example.com';
const ANDY = 'andy@example.com';
const BEA = 'bea@example.com';
const CY = 'cy@example.com';

/** The company tokens handed out once; the events only ever see their digests. */
const HQ_TOKEN = 'hq-token-Zk3vQ9sJr1XyT0pLmNa8bC2d';
const HQ_TOKEN_ROTATED = 'hq-token-rotated-Wq7eR5tY2uI9oP4aSdF6gH1j';
const US2_TOKEN = 'us2-token-Mn4bV7cX1zL8kJ5hG2fD9sA3';
const DE_TOKEN = 'de-token-Qp0oI9uY8tR7eW6qA5sD4fG3';

const profile = (first: string, last: string, email: string, telephone?: string): EmployeeProfile => ({
  firstName: first,
  lastName: last,
  email,
  ...(telephone ? { telephone } : {}),
});
const PAULA_P = profile('Paula', 'Prime', PAULA, '+1 212 555 0100');
const LUIS_P = profile('Luis', 'Lopez', LUIS, '+1 312 555 0101');
const DORA_P = profile('Dora', 'Dietrich', DORA, '+49 30 555 0102');
const ANDY_P = profile('Andy', 'Admin', ANDY);
const BEA_P = profile('Bea', 'Becker', BEA, '+1 212 555 0104');
const BEA_UPDATED = profile('Bea', 'Becker-Brown', 'bea.brown@example.com');
const CY_P = profile('Cy', 'Cyan', CY, '+1 212 555 0105');

const HQ_PROFILE: LocationProfile = {
  name: 'Acme New York HQ',
  address: '1 Broadway',
  city: 'New York',
  postalCode: '10004',
  partnerTier: 1,
};
const HQ_PROFILE_UPDATED: LocationProfile = {
  name: 'Acme Worldwide HQ',
  address: '200 Park Avenue',
  city: 'New York',
  postalCode: '10166',
  partnerTier: 2,
};
const US2_PROFILE: LocationProfile = {
  name: 'Acme Chicago',
  address: '233 S Wacker Dr',
  city: 'Chicago',
  postalCode: '60606',
  partnerTier: 2,
};
const DE_PROFILE: LocationProfile = {
  name: 'Acme Berlin',
  address: 'Unter den Linden 1',
  city: 'Berlin',
  postalCode: '10117',
  partnerTier: 1,
};

const CY_REASON = 'Not known at the New York office';
const BEA_TCI = { businessContact: true, secondaryBusinessContact: false };

/** Who issues a command, and when. */
const issued = (userId: string, operator = false) => ({
  actor: { userId, operator, auditor: false },
  at: new Date().toISOString(),
});

/** The history, driven through the real pipeline; each step labelled by what it did. */
const history: [label: string, command: () => EnterpriseCommand][] = [
  [
    'register',
    () => ({
      type: 'RegisterEnterprise',
      ...issued(PAULA),
      enterpriseId: ENTERPRISE,
      name: ENTERPRISE_NAME,
      countryEnterpriseId: CE_US,
      countryEnterpriseName: 'Acme US',
      location: { ...HQ_PROFILE, locationId: HQ, country: 'US', companyTokenDigest: secretDigest(HQ_TOKEN) },
      employee: PAULA_P,
    }),
  ],
  // Only employees may add a location, and its creator becomes its PRC: luis and dora join HQ first.
  [
    'luisRequest',
    () => ({
      type: 'RequestSelfAssociation',
      ...issued(LUIS),
      locationId: HQ,
      associationId: 'assoc-luis',
      companyTokenDigest: secretDigest(HQ_TOKEN),
      employee: LUIS_P,
    }),
  ],
  [
    'luisApprove',
    () => ({ type: 'ApproveSelfAssociation', ...issued(PAULA), associationId: 'assoc-luis', locationId: HQ }),
  ],
  [
    'doraRequest',
    () => ({
      type: 'RequestSelfAssociation',
      ...issued(DORA),
      locationId: HQ,
      associationId: 'assoc-dora',
      companyTokenDigest: secretDigest(HQ_TOKEN),
      employee: DORA_P,
    }),
  ],
  ['doraApprove', () => ({ type: 'ApproveSelfAssociation', ...issued(PAULA), associationId: 'assoc-dora' })],
  [
    'createUs2',
    () => ({
      type: 'CreateLocation',
      ...issued(LUIS),
      location: { ...US2_PROFILE, locationId: US2, country: 'US', companyTokenDigest: secretDigest(US2_TOKEN) },
      newCountryEnterpriseId: 'ce-unused',
      employee: LUIS_P,
    }),
  ],
  [
    'createDe',
    () => ({
      type: 'CreateLocation',
      ...issued(DORA),
      location: { ...DE_PROFILE, locationId: DE, country: 'de', companyTokenDigest: secretDigest(DE_TOKEN) },
      newCountryEnterpriseId: CE_DE,
      employee: DORA_P,
    }),
  ],
  [
    'autoAcceptOn',
    () => ({ type: 'ChangeSelfAssociationPolicy', ...issued(PAULA), locationId: HQ, autoAcceptSelfAssociation: true }),
  ],
  [
    'andyJoin',
    () => ({
      type: 'RequestSelfAssociation',
      ...issued(ANDY),
      locationId: HQ,
      associationId: 'assoc-andy',
      companyTokenDigest: secretDigest(HQ_TOKEN),
      employee: ANDY_P,
    }),
  ],
  [
    'autoAcceptOff',
    () => ({ type: 'ChangeSelfAssociationPolicy', ...issued(PAULA), locationId: HQ, autoAcceptSelfAssociation: false }),
  ],
  [
    'beaRequest',
    () => ({
      type: 'RequestSelfAssociation',
      ...issued(BEA),
      locationId: HQ,
      associationId: 'assoc-bea',
      companyTokenDigest: secretDigest(HQ_TOKEN),
      employee: BEA_P,
    }),
  ],
  [
    'beaApprove',
    () => ({ type: 'ApproveSelfAssociation', ...issued(PAULA), associationId: 'assoc-bea', locationId: HQ }),
  ],
  [
    'cyRequest',
    () => ({
      type: 'RequestSelfAssociation',
      ...issued(CY),
      locationId: HQ,
      associationId: 'assoc-cy',
      companyTokenDigest: secretDigest(HQ_TOKEN),
      employee: CY_P,
    }),
  ],
  [
    'cyDeny',
    () => ({
      type: 'DenySelfAssociation',
      ...issued(PAULA),
      associationId: 'assoc-cy',
      locationId: HQ,
      reason: CY_REASON,
    }),
  ],
  ['andyApa', () => ({ type: 'ChangeAccessRole', ...issued(PAULA), locationId: HQ, userId: ANDY, accessRole: 'apa' })],
  ['beaTci', () => ({ type: 'ChangeTciRoles', ...issued(PAULA), locationId: HQ, userId: BEA, ...BEA_TCI })],
  [
    'beaProfile',
    () => ({ type: 'UpdateEmployeeProfile', ...issued(BEA), locationId: HQ, userId: BEA, profile: BEA_UPDATED }),
  ],
  [
    'rotateHq',
    () => ({
      type: 'RotateCompanyToken',
      ...issued(PAULA),
      locationId: HQ,
      companyTokenDigest: secretDigest(HQ_TOKEN_ROTATED),
    }),
  ],
  [
    'hqProfile',
    () => ({ type: 'UpdateLocationProfile', ...issued(PAULA), locationId: HQ, profile: HQ_PROFILE_UPDATED }),
  ],
  ['paulaLeaves', () => ({ type: 'RemoveEmployee', ...issued(PAULA), locationId: HQ, userId: PAULA })],
  // Nobody appoints themselves PRC: with no PRC left in scope, an operator fills the gap.
  [
    'andyPrc',
    () => ({
      type: 'AssignPrimaryRelationshipContact',
      ...issued('ops@example.com', true),
      locationId: HQ,
      userId: ANDY,
    }),
  ],
  ['beaPrc', () => ({ type: 'AssignPrimaryRelationshipContact', ...issued(ANDY), locationId: HQ, userId: BEA })],
];

/** The event types each step must have recorded, in order. */
const EXPECTED_TYPES: Record<string, string[]> = {
  register: ['EnterpriseRegistered', 'CountryEnterpriseAdded', 'LocationCreated', 'EmployeeJoined'],
  luisRequest: ['EmployeeSelfAssociationRequested'],
  luisApprove: ['EmployeeSelfAssociationApproved', 'EmployeeJoined'],
  doraRequest: ['EmployeeSelfAssociationRequested'],
  doraApprove: ['EmployeeSelfAssociationApproved', 'EmployeeJoined'],
  createUs2: ['LocationCreated', 'EmployeeJoined'],
  createDe: ['CountryEnterpriseAdded', 'LocationCreated', 'EmployeeJoined'],
  autoAcceptOn: ['SelfAssociationPolicyChanged'],
  andyJoin: ['EmployeeSelfAssociationRequested', 'EmployeeJoined'],
  autoAcceptOff: ['SelfAssociationPolicyChanged'],
  beaRequest: ['EmployeeSelfAssociationRequested'],
  beaApprove: ['EmployeeSelfAssociationApproved', 'EmployeeJoined'],
  cyRequest: ['EmployeeSelfAssociationRequested'],
  cyDeny: ['EmployeeSelfAssociationDenied'],
  andyApa: ['AccessRoleChanged'],
  beaTci: ['TciRolesChanged'],
  beaProfile: ['EmployeeProfileUpdated'],
  rotateHq: ['CompanyTokenRotated'],
  hqProfile: ['LocationProfileUpdated'],
  paulaLeaves: ['EmployeeLeft'],
  andyPrc: ['PrimaryRelationshipContactAssigned'],
  beaPrc: ['PrimaryRelationshipContactAssigned'],
};

describe('PartnerProfileProjection (events recorded by the real pipeline on SQLite)', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let events: RecordedEvent[];
  let store: DocumentStore;
  /** The events each step recorded, by label. */
  const recorded = new Map<string, RecordedEvent[]>();
  const evs = (label: string) => {
    const own = recorded.get(label);
    if (!own) throw new Error(`no events for ${label}`);
    return own;
  };
  /** The step's event of this type (the only one it recorded). */
  const ev = (label: string, type?: string) => {
    const matching = evs(label).filter((e) => type === undefined || e.type === type);
    const [only] = matching;
    if (matching.length !== 1 || only === undefined)
      throw new Error(`${label} recorded ${matching.length} events of type ${type ?? '(any)'}`);
    return only;
  };
  const at = (label: string, type?: string) => ev(label, type).metadata.occurredAt;
  const confirmation = (label: string) => evs(label)[0]!.metadata.confirmationNumber;
  const pos = (label: string, type?: string) => ev(label, type).position;
  const lastPos = (label: string) => evs(label).at(-1)!.position;
  /** Events up to and including every event of the step `label`. */
  const through = (label: string) => events.slice(0, events.indexOf(evs(label).at(-1)!) + 1);
  const after = (label: string) => project(new PartnerProfileProjection(), through(label));

  const enterpriseOf = (s: DocumentStore) =>
    s.collection<EnterpriseDocument>(C.enterprises).findOne({ _id: ENTERPRISE });
  const locationOf = async (s: DocumentStore, locationId: string): Promise<LocationView | undefined> =>
    (await enterpriseOf(s))?.countryEnterprises.flatMap((c) => c.locations).find((l) => l.locationId === locationId);
  const employeeOf = (s: DocumentStore, locationId: string, userId: string) =>
    s.collection<EmployeeDocument>(C.employees).findOne({ _id: partnerEmployeeKey(locationId, userId) });
  const associationOf = (s: DocumentStore, associationId: string) =>
    s.collection<SelfAssociationDocument>(C.associations).findOne({ _id: associationId });
  const everything = async (s: DocumentStore) => ({
    enterprises: await s.collection(C.enterprises).find({}, { sort: { _id: 1 } }),
    employees: await s.collection(C.employees).find({}, { sort: { _id: 1 } }),
    associations: await s.collection(C.associations).find({}, { sort: { _id: 1 } }),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'partner-profile-projection-'));
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    const recording = await recordHistory(eventStore, enterpriseStream.of(ENTERPRISE), enterpriseDecider, history);
    events = recording.events;
    for (const [label, own] of recording.byLabel) recorded.set(label, own);
    store = await expectIdempotent(new PartnerProfileProjection(), events);
  });

  afterAll(async () => {
    await eventStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recorded the history as the expected events, in order, on the enterprise stream', () => {
    for (const [label] of history)
      expect([label, evs(label).map((e) => e.type)]).toEqual([label, EXPECTED_TYPES[label]]);
    expect(events.map((e) => e.type)).toEqual(history.flatMap(([label]) => EXPECTED_TYPES[label]));
    expect(new Set(events.map((e) => e.stream))).toEqual(new Set([enterpriseStream.of(ENTERPRISE)]));
    expect(ev('andyPrc').data).toMatchObject({ userId: ANDY, formerPrcUserId: null });
    expect(ev('beaPrc').data).toMatchObject({ userId: BEA, formerPrcUserId: ANDY, previousRole: 'personal_update' });
  });

  it('leaves the whole enterprise hierarchy: country enterprises, locations, PRCs, warnings, updated profile and policy', async () => {
    // The HQ location also carries companyTokenRotatedAt, written by CompanyTokenRotated.
    const expected = {
      _id: ENTERPRISE,
      enterpriseId: ENTERPRISE,
      name: ENTERPRISE_NAME,
      worldwideHeadquartersLocationId: HQ,
      registeredAt: at('register', 'EnterpriseRegistered'),
      registeredBy: PAULA,
      position: pos('beaPrc'),
      countryEnterprises: [
        {
          countryEnterpriseId: CE_US,
          country: 'US',
          name: 'Acme US',
          headquartersLocationId: HQ,
          locations: [
            {
              locationId: HQ,
              ...HQ_PROFILE_UPDATED,
              country: 'US',
              region: 'north_america',
              autoAcceptSelfAssociation: false,
              prcUserId: BEA,
              warnings: [],
              companyTokenRotatedAt: at('rotateHq'),
              companyTokenRotatedBy: PAULA,
            },
            {
              locationId: US2,
              ...US2_PROFILE,
              country: 'US',
              region: 'north_america',
              autoAcceptSelfAssociation: false,
              prcUserId: LUIS,
              warnings: [],
            },
          ],
        },
        {
          countryEnterpriseId: CE_DE,
          country: 'DE',
          name: `${ENTERPRISE_NAME} DE`,
          headquartersLocationId: DE,
          locations: [
            {
              locationId: DE,
              ...DE_PROFILE,
              country: 'DE',
              region: 'emea',
              autoAcceptSelfAssociation: false,
              prcUserId: DORA,
              warnings: [],
            },
          ],
        },
      ],
    };
    expect(await store.collection(C.enterprises).find({}, { sort: { _id: 1 } })).toEqual([expected]);
  });

  it('leaves the employees: roles after both PRC assignments, TCI, updated profile without telephone; paula is gone', async () => {
    const employee = (
      locationId: string,
      userId: string,
      p: EmployeeProfile,
      rest: Pick<EmployeeDocument, 'accessRole' | 'tci' | 'joinedAt' | 'confirmationNumber' | 'position'>,
    ): EmployeeDocument => ({
      _id: partnerEmployeeKey(locationId, userId),
      enterpriseId: ENTERPRISE,
      locationId,
      userId,
      ...p,
      ...rest,
    });
    const joined = (label: string) => ({
      joinedAt: at(label, 'EmployeeJoined'),
      confirmationNumber: confirmation(label),
    });

    expect(await store.collection(C.employees).find({}, { sort: { _id: 1 } })).toEqual([
      employee(DE, DORA, DORA_P, {
        accessRole: 'prc',
        tci: NO_TCI,
        ...joined('createDe'),
        position: pos('createDe', 'EmployeeJoined'),
      }),
      employee(HQ, ANDY, ANDY_P, { accessRole: 'apa', tci: NO_TCI, ...joined('andyJoin'), position: pos('beaPrc') }),
      employee(HQ, BEA, BEA_UPDATED, {
        accessRole: 'prc',
        tci: BEA_TCI,
        ...joined('beaApprove'),
        position: pos('beaPrc'),
      }),
      employee(HQ, DORA, DORA_P, {
        accessRole: 'personal_update',
        tci: NO_TCI,
        ...joined('doraApprove'),
        position: pos('doraApprove', 'EmployeeJoined'),
      }),
      employee(HQ, LUIS, LUIS_P, {
        accessRole: 'personal_update',
        tci: NO_TCI,
        ...joined('luisApprove'),
        position: pos('luisApprove', 'EmployeeJoined'),
      }),
      employee(US2, LUIS, LUIS_P, {
        accessRole: 'prc',
        tci: NO_TCI,
        ...joined('createUs2'),
        position: pos('createUs2', 'EmployeeJoined'),
      }),
    ]);
    expect(await employeeOf(store, HQ, BEA)).not.toHaveProperty('telephone');
    expect(await employeeOf(store, HQ, PAULA)).toBeNull();
    expect(await employeeOf(store, HQ, CY)).toBeNull();
  });

  it('leaves the self-associations: accepted (auto and approved, with who decided), denied with its reason', async () => {
    const association = (
      associationId: string,
      userId: string,
      p: EmployeeProfile,
      requested: string,
      rest: Partial<SelfAssociationDocument> & Pick<SelfAssociationDocument, 'status' | 'position'>,
    ): SelfAssociationDocument => ({
      _id: associationId,
      associationId,
      enterpriseId: ENTERPRISE,
      locationId: HQ,
      userId,
      ...p,
      requestedAt: at(requested, 'EmployeeSelfAssociationRequested'),
      confirmationNumber: confirmation(requested),
      ...rest,
    });
    const approved = (label: string) => ({
      status: 'accepted' as const,
      decidedBy: PAULA,
      decidedAt: at(label, 'EmployeeSelfAssociationApproved'),
      position: pos(label, 'EmployeeJoined'),
    });

    expect(await store.collection(C.associations).find({}, { sort: { _id: 1 } })).toEqual([
      // auto-accepted: nobody decided
      association('assoc-andy', ANDY, ANDY_P, 'andyJoin', {
        status: 'accepted',
        position: pos('andyJoin', 'EmployeeJoined'),
      }),
      // the request keeps the details given then (telephone included), not bea's later profile
      association('assoc-bea', BEA, BEA_P, 'beaRequest', approved('beaApprove')),
      association('assoc-cy', CY, CY_P, 'cyRequest', {
        status: 'denied',
        decidedBy: PAULA,
        decidedAt: at('cyDeny'),
        reason: CY_REASON,
        position: pos('cyDeny'),
      }),
      association('assoc-dora', DORA, DORA_P, 'doraRequest', approved('doraApprove')),
      association('assoc-luis', LUIS, LUIS_P, 'luisRequest', approved('luisApprove')),
    ]);
  });

  it('holds no company token nor any digest of one', async () => {
    const json = JSON.stringify(await everything(store));
    expect(json).not.toContain('companyTokenDigest');
    for (const token of [HQ_TOKEN, HQ_TOKEN_ROTATED, US2_TOKEN, DE_TOKEN]) {
      expect(json).not.toContain(token);
      expect(json).not.toContain(secretDigest(token));
    }
    // ...while the events did carry the digests
    expect(JSON.stringify(events)).toContain(secretDigest(HQ_TOKEN_ROTATED));
  });

  it('builds the hierarchy step by step: HQ with its PRC, then a second US location, then a new DE country enterprise', async () => {
    const hq = (overrides: Partial<LocationView> = {}): LocationView => ({
      locationId: HQ,
      ...HQ_PROFILE,
      country: 'US',
      region: 'north_america',
      autoAcceptSelfAssociation: false,
      prcUserId: PAULA,
      warnings: [],
      ...overrides,
    });

    // Mid-registration, the location exists before its creator joins it: no PRC yet.
    const registering = await project(
      new PartnerProfileProjection(),
      events.slice(0, events.indexOf(ev('register', 'LocationCreated')) + 1),
    );
    expect(await locationOf(registering, HQ)).toEqual(hq({ prcUserId: null, warnings: ['PRC_MISSING'] }));

    expect(await enterpriseOf(await after('register'))).toEqual({
      _id: ENTERPRISE,
      enterpriseId: ENTERPRISE,
      name: ENTERPRISE_NAME,
      worldwideHeadquartersLocationId: HQ,
      registeredAt: at('register', 'EnterpriseRegistered'),
      registeredBy: PAULA,
      position: pos('register', 'EmployeeJoined'),
      countryEnterprises: [
        { countryEnterpriseId: CE_US, country: 'US', name: 'Acme US', headquartersLocationId: HQ, locations: [hq()] },
      ],
    });

    const us2 = await enterpriseOf(await after('createUs2'));
    expect(
      us2?.countryEnterprises.map((c) => [
        c.countryEnterpriseId,
        c.locations.map((l) => [l.locationId, l.prcUserId, l.warnings]),
      ]),
    ).toEqual([
      [
        CE_US,
        [
          [HQ, PAULA, []],
          [US2, LUIS, []],
        ],
      ],
    ]);
    expect(us2?.position).toBe(lastPos('createUs2'));

    const de = await enterpriseOf(await after('createDe'));
    expect(de?.countryEnterprises.map((c) => ({ ...c, locations: c.locations.map((l) => l.locationId) }))).toEqual([
      { countryEnterpriseId: CE_US, country: 'US', name: 'Acme US', headquartersLocationId: HQ, locations: [HQ, US2] },
      {
        countryEnterpriseId: CE_DE,
        country: 'DE',
        name: `${ENTERPRISE_NAME} DE`,
        headquartersLocationId: DE,
        locations: [DE],
      },
    ]);
    expect(await locationOf(await after('createDe'), DE)).toEqual({
      locationId: DE,
      ...DE_PROFILE,
      country: 'DE',
      region: 'emea',
      autoAcceptSelfAssociation: false,
      prcUserId: DORA,
      warnings: [],
    });
  });

  it('follows the HQ self-association policy, token rotation and profile update', async () => {
    expect(await locationOf(await after('autoAcceptOn'), HQ)).toMatchObject({ autoAcceptSelfAssociation: true });
    expect((await enterpriseOf(await after('autoAcceptOn')))?.position).toBe(pos('autoAcceptOn'));
    expect(await locationOf(await after('autoAcceptOff'), HQ)).toMatchObject({ autoAcceptSelfAssociation: false });
    expect(await locationOf(await after('autoAcceptOff'), US2)).toMatchObject({ autoAcceptSelfAssociation: false });

    expect(await locationOf(await after('beaProfile'), HQ)).not.toHaveProperty('companyTokenRotatedAt');
    expect(await locationOf(await after('rotateHq'), HQ)).toMatchObject({
      ...HQ_PROFILE,
      companyTokenRotatedAt: at('rotateHq'),
      companyTokenRotatedBy: PAULA,
    });
    expect(await locationOf(await after('hqProfile'), HQ)).toMatchObject({
      ...HQ_PROFILE_UPDATED,
      prcUserId: PAULA,
      warnings: [],
      companyTokenRotatedAt: at('rotateHq'),
    });
  });

  it('follows the HQ PRC: PRC_MISSING once paula leaves, cleared when andy is assigned, then bea takes over', async () => {
    const leftStore = await expectIdempotent(new PartnerProfileProjection(), through('paulaLeaves'));
    expect(await locationOf(leftStore, HQ)).toMatchObject({ prcUserId: null, warnings: ['PRC_MISSING'] });
    expect(await locationOf(leftStore, US2)).toMatchObject({ prcUserId: LUIS, warnings: [] });
    expect(await locationOf(leftStore, DE)).toMatchObject({ prcUserId: DORA, warnings: [] });
    expect((await enterpriseOf(leftStore))?.position).toBe(pos('paulaLeaves'));
    expect(await employeeOf(leftStore, HQ, PAULA)).toBeNull();
    expect(await employeeOf(await after('hqProfile'), HQ, PAULA)).toMatchObject({ accessRole: 'prc', ...PAULA_P });

    const andyStore = await after('andyPrc');
    expect(await locationOf(andyStore, HQ)).toMatchObject({ prcUserId: ANDY, warnings: [] });
    expect(await employeeOf(andyStore, HQ, ANDY)).toMatchObject({ accessRole: 'prc', position: pos('andyPrc') });
    expect(await employeeOf(andyStore, HQ, BEA)).toMatchObject({
      accessRole: 'personal_update',
      position: pos('beaProfile'),
    });

    const beaStore = await after('beaPrc');
    expect(await locationOf(beaStore, HQ)).toMatchObject({ prcUserId: BEA, warnings: [] });
    expect(await employeeOf(beaStore, HQ, ANDY)).toMatchObject({ accessRole: 'apa' });
    expect(await employeeOf(beaStore, HQ, BEA)).toMatchObject({ accessRole: 'prc' });
  });

  it('follows the employees through joins, role, TCI and profile changes', async () => {
    const andyJoined = await after('andyJoin');
    expect(await employeeOf(andyJoined, HQ, ANDY)).toEqual({
      _id: partnerEmployeeKey(HQ, ANDY),
      enterpriseId: ENTERPRISE,
      locationId: HQ,
      userId: ANDY,
      ...ANDY_P,
      accessRole: 'personal_update',
      tci: NO_TCI,
      joinedAt: at('andyJoin', 'EmployeeJoined'),
      confirmationNumber: confirmation('andyJoin'),
      position: pos('andyJoin', 'EmployeeJoined'),
    });
    expect(await employeeOf(await after('beaRequest'), HQ, BEA)).toBeNull();
    expect(await employeeOf(await after('beaApprove'), HQ, BEA)).toMatchObject({
      ...BEA_P,
      accessRole: 'personal_update',
      tci: NO_TCI,
    });
    expect(await employeeOf(await after('cyDeny'), HQ, CY)).toBeNull();
    expect(await employeeOf(await after('andyApa'), HQ, ANDY)).toMatchObject({
      accessRole: 'apa',
      position: pos('andyApa'),
    });
    expect(await employeeOf(await after('beaTci'), HQ, BEA)).toMatchObject({
      ...BEA_P,
      tci: BEA_TCI,
      position: pos('beaTci'),
    });

    const updated = await employeeOf(await after('beaProfile'), HQ, BEA);
    expect(updated).toMatchObject({
      ...BEA_UPDATED,
      tci: BEA_TCI,
      accessRole: 'personal_update',
      position: pos('beaProfile'),
    });
    expect(updated).not.toHaveProperty('telephone');
  });

  it('follows the self-associations: pending until decided', async () => {
    expect(await associationOf(await after('luisRequest'), 'assoc-luis')).toMatchObject({
      status: 'pending',
      position: pos('luisRequest'),
    });
    expect(await associationOf(await after('luisRequest'), 'assoc-luis')).not.toHaveProperty('decidedBy');
    expect(await associationOf(await after('andyJoin'), 'assoc-andy')).toMatchObject({ status: 'accepted' });
    expect(await associationOf(await after('andyJoin'), 'assoc-andy')).not.toHaveProperty('decidedBy');

    const beaPending = await associationOf(await after('beaRequest'), 'assoc-bea');
    expect(beaPending).toEqual({
      _id: 'assoc-bea',
      associationId: 'assoc-bea',
      enterpriseId: ENTERPRISE,
      locationId: HQ,
      userId: BEA,
      ...BEA_P,
      status: 'pending',
      requestedAt: at('beaRequest'),
      confirmationNumber: confirmation('beaRequest'),
      position: pos('beaRequest'),
    });
    expect(await associationOf(await after('beaApprove'), 'assoc-bea')).toMatchObject({
      status: 'accepted',
      decidedBy: PAULA,
      decidedAt: at('beaApprove', 'EmployeeSelfAssociationApproved'),
    });

    expect(await associationOf(await after('cyRequest'), 'assoc-cy')).toMatchObject({ status: 'pending' });
    expect(await associationOf(await after('cyDeny'), 'assoc-cy')).toMatchObject({
      status: 'denied',
      decidedBy: PAULA,
      reason: CY_REASON,
    });
  });
});
