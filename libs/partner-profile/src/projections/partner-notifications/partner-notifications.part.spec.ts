import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, secretDigest } from '#core';
import { recordHistory } from '#event-store/testing/record-history';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import { type DocumentStore, type Projection, UnitOfWork } from '#read-store';
import { expectIdempotent } from '#read-store/testing/projection-testing';
import type { EmployeeProfile } from '../../domain/access-roles.js';
import type { EnterpriseCommand } from '../../domain/enterprise.commands.js';
import { enterpriseDecider } from '../../domain/enterprise.decider.js';
import { enterpriseStream } from '../../domain/enterprise.streams.js';
import { PartnerNotificationsPart } from './partner-notifications.part.js';

const OUTBOX = 'outbox';
const ENTERPRISE = 'ent-mail';
const HQ = 'loc-hq';
const AUTO = 'loc-auto';
const u = (name: string) => `${name}@example.com`;
/** Each person types a profile e-mail of their own; the verified one comes from their token. */
const typed = (name: string): EmployeeProfile => ({
  firstName: name,
  lastName: 'P',
  email: `${name}.typed@example.net`,
});
const issued = (userId: string, extra: { operator?: boolean; verifiedEmail?: string } = {}) => ({
  actor: {
    userId,
    operator: extra.operator ?? false,
    auditor: false,
    ...(extra.verifiedEmail ? { verifiedEmail: extra.verifiedEmail } : {}),
  },
  at: new Date().toISOString(),
});
const place = (locationId: string) => ({
  name: locationId === HQ ? 'Acme HQ' : 'Acme Auto',
  address: '1 Way',
  city: 'C',
  postalCode: '1',
  partnerTier: 2 as const,
  locationId,
  country: 'US',
  companyTokenDigest: secretDigest(locationId),
});
/** `verifiedEmail: null`: the requester's token vouched for no address. */
const request = (name: string, locationId = HQ, verifiedEmail: string | null = u(name)) =>
  ({
    type: 'RequestSelfAssociation',
    ...issued(u(name), verifiedEmail ? { verifiedEmail } : {}),
    locationId,
    associationId: `as-${name}-${locationId}`,
    companyTokenDigest: secretDigest(locationId),
    employee: typed(name),
  }) as EnterpriseCommand;

const history: [string, () => EnterpriseCommand][] = [
  [
    'register',
    () => ({
      type: 'RegisterEnterprise',
      ...issued(u('paula')),
      enterpriseId: ENTERPRISE,
      name: 'Acme',
      countryEnterpriseId: 'ce-us',
      countryEnterpriseName: 'Acme US',
      location: place(HQ),
      employee: typed('paula'),
    }),
  ],
  ['amyAsks', () => request('amy')],
  ['amyApproved', () => ({ type: 'ApproveSelfAssociation', ...issued(u('paula')), associationId: `as-amy-${HQ}` })],
  [
    'amyApa',
    () => ({ type: 'ChangeAccessRole', ...issued(u('paula')), locationId: HQ, userId: u('amy'), accessRole: 'apa' }),
  ],
  ['ninaAsks', () => request('nina', HQ, 'nina.verified@example.org')],
  [
    'ninaDenied',
    () => ({
      type: 'DenySelfAssociation',
      ...issued(u('amy')),
      associationId: `as-nina-${HQ}`,
      reason: 'Unknown to us',
    }),
  ],
  ['oscarAsks', () => request('oscar', HQ, null)],
  ['oscarDenied', () => ({ type: 'DenySelfAssociation', ...issued(u('amy')), associationId: `as-oscar-${HQ}` })],
  [
    'kenAdded',
    () => ({
      type: 'AddEmployee',
      ...issued(u('amy')),
      locationId: HQ,
      userId: u('ken'),
      employee: typed('ken'),
      accessRole: 'view_only',
    }),
  ],
  [
    // an APA types another address into the PRC's profile: the PRC's mail must not follow it
    'amyEditsPaula',
    () => ({
      type: 'UpdateEmployeeProfile',
      ...issued(u('amy')),
      locationId: HQ,
      userId: u('paula'),
      profile: { ...typed('paula'), email: 'amy.capture@example.net' },
    }),
  ],
  [
    'rotateWithPrc',
    () => ({ type: 'RotateCompanyToken', ...issued(u('amy')), locationId: HQ, companyTokenDigest: secretDigest('t2') }),
  ],
  ['paulaLeaves', () => ({ type: 'RemoveEmployee', ...issued(u('paula')), locationId: HQ, userId: u('paula') })],
  [
    'rotateWithoutPrc',
    () => ({ type: 'RotateCompanyToken', ...issued(u('amy')), locationId: HQ, companyTokenDigest: secretDigest('t3') }),
  ],
  [
    'kenPrc',
    () => ({
      type: 'AssignPrimaryRelationshipContact',
      ...issued('ops', { operator: true }),
      locationId: HQ,
      userId: u('ken'),
    }),
  ],
  [
    'createAuto',
    () => ({
      type: 'CreateLocation',
      ...issued(u('amy')),
      location: place(AUTO),
      newCountryEnterpriseId: 'x',
      employee: typed('amy'),
    }),
  ],
  [
    'autoOn',
    () => ({
      type: 'ChangeSelfAssociationPolicy',
      ...issued(u('amy')),
      locationId: AUTO,
      autoAcceptSelfAssociation: true,
    }),
  ],
  ['zoeJoinsAuto', () => request('zoe', AUTO)],
];

/** A host like the notification outbox: hands every event to the part with the outbox collection. */
class Host implements Projection {
  readonly name = 'host';
  readonly part = new PartnerNotificationsPart();
  readonly collections = [OUTBOX, ...this.part.collections];
  async project(events: readonly RecordedEvent[], store: DocumentStore) {
    const work = new UnitOfWork(store);
    for (const event of events) await this.part.apply(event, work, OUTBOX);
    await work.flush();
  }
}

type Mail = {
  userId: string;
  to: string | null;
  subject: string;
  body: string;
  status: string;
  confirmationNumber: string;
};

describe('PartnerNotificationsPart: partner-profile e-mails in the outbox, each once', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let mails: Mail[];
  const confirmations = new Map<string, string>();
  /** Who got a mail of the step `label` and at which address. */
  const sentFor = (label: string) =>
    mails
      .filter((m) => m.confirmationNumber === confirmations.get(label))
      .map((m) => [m.userId, m.to, m.status])
      .sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'partner-notifications-'));
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    const recording = await recordHistory(eventStore, enterpriseStream.of(ENTERPRISE), enterpriseDecider, history);
    for (const [label, own] of recording.byLabel) confirmations.set(label, own[0]!.metadata.confirmationNumber);
    const store = await expectIdempotent(new Host(), recording.events);
    mails = await store.collection<Mail & { _id: string }>(OUTBOX).find({}, { sort: { _id: 1 } });
  });
  afterAll(async () => {
    await eventStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the PRC and APAs (at their sign-in address, never a typed one) that a self-association awaits approval', () => {
    expect(sentFor('amyAsks')).toEqual([[u('paula'), u('paula'), 'queued']]);
    expect(sentFor('ninaAsks')).toEqual([
      [u('amy'), u('amy'), 'queued'],
      [u('paula'), u('paula'), 'queued'],
    ]);
    const mail = mails.find((m) => m.confirmationNumber === confirmations.get('ninaAsks'))!;
    expect(mail.subject).toBe('A self-association to Acme HQ awaits your approval');
    expect(mail.body).toContain(u('nina'));
    expect(mail.body).not.toContain('nina.typed'); // nothing the requester typed
  });

  it('sends the decision to the requester’s verified address only, never the typed one', () => {
    expect(sentFor('amyApproved')).toEqual([[u('amy'), u('amy'), 'queued']]);
    expect(sentFor('ninaDenied')).toEqual([[u('nina'), 'nina.verified@example.org', 'queued']]);
    expect(mails.find((m) => m.userId === u('nina'))!.body).toContain('Reason: Unknown to us');
  });

  it('welcomes a person added directly, and tells a new PRC', () => {
    expect(sentFor('kenAdded')).toEqual([[u('ken'), u('ken'), 'queued']]);
    expect(mails.find((m) => m.confirmationNumber === confirmations.get('kenAdded'))!.body).toContain('view_only');
    // amy typed ken's profile address when she added him: his mail goes to his own sign-in address
    expect(sentFor('kenPrc')).toEqual([[u('ken'), u('ken'), 'queued']]);
  });

  it('sends the PRC’s communications to the PRC, and to the APAs while it is missing', () => {
    expect(sentFor('rotateWithPrc')).toEqual([[u('paula'), u('paula'), 'queued']]);
    expect(sentFor('paulaLeaves')).toEqual([[u('amy'), u('amy'), 'queued']]);
    expect(sentFor('rotateWithoutPrc')).toEqual([[u('amy'), u('amy'), 'queued']]);
    expect(mails.filter((m) => m.to?.endsWith('.net'))).toEqual([]); // no typed address anywhere
  });

  it('sends nothing for a location that auto-accepts, and nothing to role changes, policies, new locations', () => {
    expect(sentFor('zoeJoinsAuto')).toEqual([]);
    for (const label of ['register', 'amyApa', 'amyEditsPaula', 'createAuto', 'autoOn'])
      expect([label, sentFor(label)]).toEqual([label, []]);
  });

  it('keeps a decision for a requester without a verified address unsendable (no fallback to the typed one)', () => {
    // oscar's token vouched for no address: the approvers are still told, his decision has nobody to go to
    expect(sentFor('oscarAsks')).toHaveLength(2);
    expect(sentFor('oscarDenied')).toEqual([[u('oscar'), null, 'no_verified_address']]);
    expect(mails.filter((m) => m.to === null)).toHaveLength(1);
  });
});
