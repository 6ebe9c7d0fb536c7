import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, secretDigest } from '#core';
import { recordHistory } from '#event-store/testing/record-history';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import type { DocumentStore } from '#read-store';
import { expectIdempotent, project } from '#read-store/testing/projection-testing';
import type { EmployeeProfile, LocationProfile } from '../../domain/access-roles.js';
import type { EnterpriseCommand } from '../../domain/enterprise.commands.js';
import { enterpriseDecider } from '../../domain/enterprise.decider.js';
import { enterpriseStream } from '../../domain/enterprise.streams.js';
import {
  type CompanyTokenDocument,
  type EmployeeDocument,
  type EnterpriseDocument,
  PARTNER_COLLECTIONS as C,
  partnerEmployeeKey,
} from '../read-models.js';
import { PartnerProfileProjection } from './partner-profile.projection.js';

// What the partner-profile issue 13 added to the projection: enterprise edits and HQ moves, employees
// added directly, the company-token directory (by digest) and who rotated a token.
const ENTERPRISE = 'ent-edits';
const PAULA = 'paula@example.com';
const KIM = 'kim@example.com';
const HQ = 'loc-hq';
const US2 = 'loc-us2';
const DE = 'loc-de';
const TOKENS = { [HQ]: 'hq-token', [US2]: 'us2-token', [DE]: 'de-token' };

const person = (userId: string): EmployeeProfile => ({
  firstName: userId.split('@')[0]!,
  lastName: 'P',
  email: userId,
});
const place = (name: string): LocationProfile => ({
  name,
  address: '1 Way',
  city: 'C',
  postalCode: '1',
  partnerTier: 2,
});
const issued = (userId: string) => ({
  actor: { userId, operator: false, auditor: false },
  at: new Date().toISOString(),
});
const newLocation = (locationId: keyof typeof TOKENS, country: string) => ({
  ...place(locationId),
  locationId,
  country,
  companyTokenDigest: secretDigest(TOKENS[locationId]),
});

const history: [label: string, command: () => EnterpriseCommand][] = [
  [
    'register',
    () => ({
      type: 'RegisterEnterprise',
      ...issued(PAULA),
      enterpriseId: ENTERPRISE,
      name: 'Acme',
      countryEnterpriseId: 'ce-us',
      countryEnterpriseName: 'Acme US',
      location: newLocation(HQ, 'US'),
      employee: person(PAULA),
    }),
  ],
  [
    'createUs2',
    () => ({
      type: 'CreateLocation',
      ...issued(PAULA),
      location: newLocation(US2, 'US'),
      newCountryEnterpriseId: 'x',
      employee: person(PAULA),
    }),
  ],
  [
    'createDe',
    () => ({
      type: 'CreateLocation',
      ...issued(PAULA),
      location: newLocation(DE, 'DE'),
      newCountryEnterpriseId: 'ce-de',
      employee: person(PAULA),
    }),
  ],
  [
    'addKim',
    () => ({
      type: 'AddEmployee',
      ...issued(PAULA),
      locationId: US2,
      userId: KIM,
      employee: person(KIM),
      accessRole: 'view_only',
    }),
  ],
  ['rename', () => ({ type: 'RenameEnterprise', ...issued(PAULA), name: 'Acme Worldwide' })],
  [
    'renameUs',
    () => ({ type: 'RenameCountryEnterprise', ...issued(PAULA), countryEnterpriseId: 'ce-us', name: 'Acme America' }),
  ],
  [
    'moveUsHq',
    () => ({ type: 'MoveCountryHeadquarters', ...issued(PAULA), countryEnterpriseId: 'ce-us', locationId: US2 }),
  ],
  ['moveWorldHq', () => ({ type: 'MoveWorldwideHeadquarters', ...issued(PAULA), locationId: DE })],
  [
    'rotateUs2',
    () => ({
      type: 'RotateCompanyToken',
      ...issued(PAULA),
      locationId: US2,
      companyTokenDigest: secretDigest('us2-new'),
    }),
  ],
];

describe('PartnerProfileProjection: enterprise edits, direct adds, the company-token directory', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let events: RecordedEvent[];
  let store: DocumentStore;
  const recorded = new Map<string, RecordedEvent[]>();
  const through = (label: string) => events.slice(0, events.indexOf(recorded.get(label)!.at(-1)!) + 1);
  const enterpriseOf = (s: DocumentStore) =>
    s.collection<EnterpriseDocument>(C.enterprises).findOne({ _id: ENTERPRISE });
  const tokenOwner = async (s: DocumentStore, token: string) =>
    (await s.collection<CompanyTokenDocument>(C.companyTokens).findOne({ companyTokenDigest: secretDigest(token) }))
      ?.locationId ?? null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'partner-edits-projection-'));
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

  it('recorded one event per edit', () => {
    expect(history.slice(3).map(([label]) => recorded.get(label)!.map((e) => e.type))).toEqual([
      ['EmployeeJoined'],
      ['EnterpriseRenamed'],
      ['CountryEnterpriseRenamed'],
      ['CountryHeadquartersMoved'],
      ['WorldwideHeadquartersMoved'],
      ['CompanyTokenRotated'],
    ]);
  });

  it('renames the enterprise and the country enterprise and moves both headquarters', async () => {
    const before = await enterpriseOf(await project(new PartnerProfileProjection(), through('addKim')));
    expect(before).toMatchObject({ name: 'Acme', worldwideHeadquartersLocationId: HQ });
    expect(before?.countryEnterprises[0]).toMatchObject({ name: 'Acme US', headquartersLocationId: HQ });
    const after = await enterpriseOf(store);
    expect(after).toMatchObject({ name: 'Acme Worldwide', worldwideHeadquartersLocationId: DE });
    expect(after?.countryEnterprises.map((c) => [c.countryEnterpriseId, c.name, c.headquartersLocationId])).toEqual([
      ['ce-us', 'Acme America', US2],
      ['ce-de', 'Acme DE', DE],
    ]);
  });

  it('adds the employee with the given role and the confirmation number of the add', async () => {
    expect(
      await store.collection<EmployeeDocument>(C.employees).findOne({ _id: partnerEmployeeKey(US2, KIM) }),
    ).toMatchObject({
      userId: KIM,
      accessRole: 'view_only',
      confirmationNumber: recorded.get('addKim')![0]!.metadata.confirmationNumber,
    });
  });

  it('keeps one directory entry per location, found by the current token digest only', async () => {
    const beforeRotation = await project(new PartnerProfileProjection(), through('moveWorldHq'));
    expect(await tokenOwner(beforeRotation, 'us2-token')).toBe(US2);
    expect(await tokenOwner(store, 'us2-token')).toBeNull();
    expect(await tokenOwner(store, 'us2-new')).toBe(US2);
    expect(await tokenOwner(store, 'hq-token')).toBe(HQ);
    expect(await tokenOwner(store, 'nobody')).toBeNull();
    expect(await store.collection(C.companyTokens).find({}, { sort: { _id: 1 } })).toHaveLength(3);
  });

  it('records who rotated a token and when', async () => {
    const us2 = (await enterpriseOf(store))?.countryEnterprises
      .flatMap((c) => c.locations)
      .find((l) => l.locationId === US2);
    expect(us2).toMatchObject({
      companyTokenRotatedAt: recorded.get('rotateUs2')![0]!.metadata.occurredAt,
      companyTokenRotatedBy: PAULA,
    });
  });
});
