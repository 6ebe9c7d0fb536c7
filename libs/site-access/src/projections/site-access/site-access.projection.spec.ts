import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, randomIds, systemClock } from '#core';
import { newCommandMeta } from '#event-store/pipeline/command-meta';
import { CommandPipeline } from '#event-store/pipeline/command-pipeline';
import { recordHistory } from '#event-store/testing/record-history';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import type { DocumentStore } from '#read-store';
import { expectIdempotent, project } from '#read-store/testing/projection-testing';
import type { ContactDetails } from '../../domain/contact.js';
import { fullPrivileges, normalizePrivileges } from '../../domain/privileges.js';
import type { SiteCommand } from '../../domain/site.commands.js';
import { siteDecider } from '../../domain/site.decider.js';
import type { Actor } from '../../domain/site.permissions.js';
import { SITE_COLLECTIONS as C, contactKey, memberKey } from '../read-models.js';
import { SiteAccessProjection } from './site-access.projection.js';
import { siteStream } from '../../domain/site.streams.js';
import { issuedNow, recordSiteCommand, registerSiteCommand } from '../../testing/site-pipeline.js';

const SITE = '1001';
const SITE_NAME = 'Acme Munich';
const OP = 'op@example.com';
const PAT = 'pat@example.com';
const SAM = 'sam@example.com';
const UMA = 'uma@example.com';
const NIA = 'nia@example.com';
const NED = 'ned@example.com';

const details = (firstName: string, lastName: string, email: string, telephone = '+49 89 1234'): ContactDetails => ({
  firstName,
  lastName,
  email,
  telephone,
  address: 'Main Street 1',
  city: 'Munich',
  postalCode: '80331',
});

/** Who issues a command, and when; signed in just now, as contact commands require. */
function issued(
  userId: string,
  roles: Partial<Pick<Actor, 'operator' | 'auditor'>> = {},
): { actor: Actor; at: string } {
  const at = new Date().toISOString();
  return { actor: { userId, operator: roles.operator ?? false, auditor: roles.auditor ?? false, authTime: at }, at };
}

const NIA_JUSTIFICATION = 'I order media for the Munich office';
const NIA_EDITED = 'Orders media and renewals for the Munich office';
const NED_JUSTIFICATION = 'Curious about the downloads';
const NED_REASON = 'Not an employee of this site';
const SAM_PRIVILEGES = { manageAccess: 'update', contactUpdates: 'view', softwareAccess: 'downloads' } as const;
const UMA_PRIVILEGES = { softwareAccess: 'downloads_media', reporting: 'view' } as const;
const UMA_NEW_PRIVILEGES = { softwareAccess: 'downloads_media', reporting: 'view', manageAccess: 'view' } as const;
const NIA_PRIVILEGES = { softwareAccess: 'downloads', reporting: 'view' } as const;
const NIA_TELEPHONE = '+49 30 5555';

/** PAT adds `userId` with this role and these privileges. */
const addUser = (
  userId: string,
  firstName: string,
  lastName: string,
  role: 'secondary' | 'user',
  privileges: Record<string, string>,
): SiteCommand => ({
  type: 'AddUser',
  ...issued(PAT),
  user: { userId, firstName, lastName, email: userId },
  role,
  privileges,
});
/** `userId` (named `firstName` Nominee) asks for access as request `req-<firstname>`. */
const nominate = (userId: string, firstName: string, businessJustification: string): SiteCommand => ({
  type: 'NominateSelf',
  ...issued(userId),
  requestId: `req-${firstName.toLowerCase()}`,
  firstName,
  lastName: 'Nominee',
  email: userId,
  businessJustification,
});

/** A representative site history, driven through the real pipeline; each step labelled by what it did. */
const history: [label: string, command: () => SiteCommand][] = [
  [
    'register',
    () => ({
      type: 'RegisterSite',
      ...issued(OP, { operator: true }),
      siteId: SITE,
      name: SITE_NAME,
      primary: { userId: PAT, ...details('Pat', 'Primary', PAT) },
      contactId: 'c-pat',
      contactTypes: ['administrative'],
    }),
  ],
  ['addSam', () => addUser(SAM, 'Sam', 'Second', 'secondary', SAM_PRIVILEGES)],
  ['addUma', () => addUser(UMA, 'Uma', 'User', 'user', UMA_PRIVILEGES)],
  ['nominateNia', () => nominate(NIA, 'Nia', NIA_JUSTIFICATION)],
  [
    'editNia',
    () => ({
      type: 'EditNominationJustification',
      ...issued(SAM),
      requestId: 'req-nia',
      businessJustification: NIA_EDITED,
    }),
  ],
  [
    'grantNia',
    () => ({ type: 'GrantAccess', ...issued(PAT), requestId: 'req-nia', role: 'user', privileges: NIA_PRIVILEGES }),
  ],
  ['nominateNed', () => nominate(NED, 'Ned', NED_JUSTIFICATION)],
  ['denyNed', () => ({ type: 'DenyAccess', ...issued(SAM), requestId: 'req-ned', reason: NED_REASON })],
  ['umaRole', () => ({ type: 'ChangeUserAccess', ...issued(PAT), userId: UMA, role: 'secondary' })],
  ['umaPrivileges', () => ({ type: 'ChangeUserAccess', ...issued(PAT), userId: UMA, privileges: UMA_NEW_PRIVILEGES })],
  ['removeUma', () => ({ type: 'RemoveUser', ...issued(PAT), userId: UMA })],
  [
    'transfer',
    () => ({
      type: 'TransferPrimaryContact',
      ...issued(PAT),
      userId: SAM,
      formerPrimaryRole: 'secondary',
      formerPrimaryPrivileges: fullPrivileges(),
    }),
  ],
  [
    'editNiaDetails',
    () => ({ type: 'ChangeMemberDetails', ...issued(SAM), userId: NIA, details: { telephone: NIA_TELEPHONE } }),
  ],
  [
    'addBilling',
    () => ({
      type: 'UpdateContact',
      ...issued(SAM),
      contactId: 'c-billing',
      contact: details('Bill', 'Ing', 'billing@example.com'),
      contactTypes: ['billing'],
    }),
  ],
  [
    'updateBilling',
    () => ({
      type: 'UpdateContact',
      ...issued(SAM),
      contactId: 'c-billing',
      contact: details('Bill', 'Ing', 'billing@example.com', '+49 89 9999'),
      contactTypes: ['billing'],
    }),
  ],
  ['removeBilling', () => ({ type: 'RemoveContact', ...issued(SAM), contactId: 'c-billing' })],
  [
    'addRenewal',
    () => ({
      type: 'UpdateContact',
      ...issued(SAM),
      contactId: 'c-renewal',
      contact: details('Nia', 'Nominee', NIA),
      contactTypes: ['renewal'],
      userId: NIA,
    }),
  ],
];

describe('SiteAccessProjection (events recorded by the real pipeline on SQLite)', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let events: RecordedEvent[];
  let store: DocumentStore;
  /** The one event each step recorded, by label. */
  const recorded = new Map<string, RecordedEvent>();
  const ev = (label: string) => {
    const event = recorded.get(label);
    if (!event) throw new Error(`no event for ${label}`);
    return event;
  };
  /** Events up to and including the one of `label`. */
  const through = (label: string) => events.slice(0, events.indexOf(ev(label)) + 1);
  const summaryOf = async (s: DocumentStore) => s.collection(C.summaries).findOne({ _id: SITE });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'site-access-projection-'));
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    const recording = await recordHistory(eventStore, siteStream.of(SITE), siteDecider, history);
    events = recording.events;
    expect(events).toHaveLength(history.length);
    for (const [label] of history) {
      expect([label, recording.emitted.get(label)]).toEqual([label, 1]);
      const own = recording.byLabel.get(label) ?? [];
      expect(own).toHaveLength(1);
      recorded.set(label, own[0]!);
    }
    store = await expectIdempotent(new SiteAccessProjection(), events);
  });

  afterAll(async () => {
    await eventStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recorded the history as the expected events, in order', () => {
    expect(events.map((e) => e.type)).toEqual([
      'SiteRegistered',
      'UserAdded',
      'UserAdded',
      'UserNominated',
      'NominationJustificationEdited',
      'AccessGranted',
      'UserNominated',
      'AccessDenied',
      'RoleChanged',
      'PrivilegesChanged',
      'UserRemoved',
      'PrimaryContactTransferred',
      'MemberDetailsChanged',
      'ContactUpdated',
      'ContactUpdated',
      'ContactRemoved',
      'ContactUpdated',
    ]);
    expect(new Set(events.map((e) => e.stream))).toEqual(new Set([siteStream.of(SITE)]));
  });

  /** The latest change to a membership: when, by whom, under which confirmation. */
  const lastChange = (label: string, by: string) => ({
    lastChangedAt: ev(label).metadata.occurredAt,
    lastChangedBy: by,
    lastConfirmationNumber: ev(label).metadata.confirmationNumber,
  });

  it('leaves the members: roles and privileges after the transfer, grantedBy and the confirmation that made each member', async () => {
    const members = await store.collection(C.members).find({}, { sort: { _id: 1 } });
    expect(members).toEqual([
      {
        _id: memberKey(SITE, NIA),
        siteId: SITE,
        siteName: SITE_NAME,
        userId: NIA,
        firstName: 'Nia',
        lastName: 'Nominee',
        email: NIA,
        telephone: NIA_TELEPHONE,
        role: 'user',
        privileges: normalizePrivileges(NIA_PRIVILEGES),
        grantedBy: PAT,
        grantedAt: ev('grantNia').metadata.occurredAt,
        confirmationNumber: ev('grantNia').metadata.confirmationNumber,
        ...lastChange('editNiaDetails', SAM),
        position: ev('editNiaDetails').position,
      },
      {
        _id: memberKey(SITE, PAT),
        siteId: SITE,
        siteName: SITE_NAME,
        userId: PAT,
        firstName: 'Pat',
        lastName: 'Primary',
        email: PAT,
        role: 'secondary',
        privileges: fullPrivileges(),
        grantedBy: OP,
        grantedAt: ev('register').metadata.occurredAt,
        confirmationNumber: ev('register').metadata.confirmationNumber,
        ...lastChange('transfer', PAT),
        position: ev('transfer').position,
      },
      {
        _id: memberKey(SITE, SAM),
        siteId: SITE,
        siteName: SITE_NAME,
        userId: SAM,
        firstName: 'Sam',
        lastName: 'Second',
        email: SAM,
        role: 'primary',
        privileges: fullPrivileges(),
        grantedBy: PAT,
        grantedAt: ev('addSam').metadata.occurredAt,
        confirmationNumber: ev('addSam').metadata.confirmationNumber,
        ...lastChange('transfer', PAT),
        position: ev('transfer').position,
      },
    ]);
  });

  it('tracks a member through role and privilege changes until removal', async () => {
    const umaAfter = async (label: string) =>
      (await project(new SiteAccessProjection(), through(label)))
        .collection(C.members)
        .findOne({ _id: memberKey(SITE, UMA) });
    expect(await umaAfter('addUma')).toMatchObject({
      role: 'user',
      privileges: normalizePrivileges(UMA_PRIVILEGES),
      grantedBy: PAT,
      confirmationNumber: ev('addUma').metadata.confirmationNumber,
      ...lastChange('addUma', PAT),
      position: ev('addUma').position,
    });
    expect(await umaAfter('umaRole')).toMatchObject({
      role: 'secondary',
      privileges: normalizePrivileges(UMA_PRIVILEGES),
      ...lastChange('umaRole', PAT),
      position: ev('umaRole').position,
    });
    expect(await umaAfter('umaPrivileges')).toMatchObject({
      role: 'secondary',
      privileges: normalizePrivileges(UMA_NEW_PRIVILEGES),
      confirmationNumber: ev('addUma').metadata.confirmationNumber,
      ...lastChange('umaPrivileges', PAT),
      position: ev('umaPrivileges').position,
    });
    expect(await umaAfter('removeUma')).toBeNull();
  });

  it('leaves the access requests: decision, original and edited justification, reason, who decided', async () => {
    const requests = await store.collection(C.requests).find({}, { sort: { _id: 1 } });
    expect(requests).toEqual([
      {
        _id: 'req-ned',
        requestId: 'req-ned',
        siteId: SITE,
        siteName: SITE_NAME,
        userId: NED,
        firstName: 'Ned',
        lastName: 'Nominee',
        email: NED,
        // Nominated without an email claim: the user id, an address, is the verified one (upcaster).
        verifiedEmail: NED,
        requestedRole: 'user',
        requestedPrivileges: normalizePrivileges({}),
        businessJustification: NED_JUSTIFICATION,
        originalJustification: NED_JUSTIFICATION,
        justificationEdits: [],
        status: 'denied',
        reason: NED_REASON,
        decidedBy: SAM,
        requestedAt: ev('nominateNed').metadata.occurredAt,
        confirmationNumber: ev('nominateNed').metadata.confirmationNumber,
        decidedAt: ev('denyNed').metadata.occurredAt,
        decisionConfirmationNumber: ev('denyNed').metadata.confirmationNumber,
        position: ev('denyNed').position,
      },
      {
        _id: 'req-nia',
        requestId: 'req-nia',
        siteId: SITE,
        siteName: SITE_NAME,
        userId: NIA,
        firstName: 'Nia',
        lastName: 'Nominee',
        email: NIA,
        verifiedEmail: NIA,
        requestedRole: 'user',
        requestedPrivileges: normalizePrivileges({}),
        grantedRole: 'user',
        grantedPrivileges: normalizePrivileges(NIA_PRIVILEGES),
        businessJustification: NIA_EDITED,
        originalJustification: NIA_JUSTIFICATION,
        justificationEdits: [
          {
            from: NIA_JUSTIFICATION,
            to: NIA_EDITED,
            editedBy: SAM,
            editedAt: ev('editNia').metadata.occurredAt,
            confirmationNumber: ev('editNia').metadata.confirmationNumber,
          },
        ],
        status: 'granted',
        decidedBy: PAT,
        requestedAt: ev('nominateNia').metadata.occurredAt,
        confirmationNumber: ev('nominateNia').metadata.confirmationNumber,
        decidedAt: ev('grantNia').metadata.occurredAt,
        decisionConfirmationNumber: ev('grantNia').metadata.confirmationNumber,
        position: ev('grantNia').position,
      },
    ]);
  });

  it('leaves the contacts: the registration contact and the renewal contact; the removed billing contact is gone', async () => {
    const contacts = await store.collection(C.contacts).find({}, { sort: { _id: 1 } });
    expect(contacts).toEqual([
      {
        _id: contactKey(SITE, 'c-pat'),
        contactId: 'c-pat',
        siteId: SITE,
        userId: PAT,
        ...details('Pat', 'Primary', PAT),
        contactTypes: ['administrative'],
        updatedBy: OP,
        updatedAt: ev('register').metadata.occurredAt,
        confirmationNumber: ev('register').metadata.confirmationNumber,
        position: ev('register').position,
      },
      {
        _id: contactKey(SITE, 'c-renewal'),
        contactId: 'c-renewal',
        siteId: SITE,
        userId: NIA,
        ...details('Nia', 'Nominee', NIA),
        contactTypes: ['renewal'],
        updatedBy: SAM,
        updatedAt: ev('addRenewal').metadata.occurredAt,
        confirmationNumber: ev('addRenewal').metadata.confirmationNumber,
        position: ev('addRenewal').position,
      },
    ]);
  });

  it('keeps the billing contact at its latest version until it is removed', async () => {
    const billingAfter = async (label: string) =>
      (await project(new SiteAccessProjection(), through(label)))
        .collection(C.contacts)
        .findOne({ _id: contactKey(SITE, 'c-billing') });
    expect(await billingAfter('addBilling')).toMatchObject({
      telephone: '+49 89 1234',
      contactTypes: ['billing'],
      position: ev('addBilling').position,
    });
    expect(await billingAfter('updateBilling')).toEqual({
      _id: contactKey(SITE, 'c-billing'),
      contactId: 'c-billing',
      siteId: SITE,
      ...details('Bill', 'Ing', 'billing@example.com', '+49 89 9999'),
      contactTypes: ['billing'],
      updatedBy: SAM,
      updatedAt: ev('updateBilling').metadata.occurredAt,
      confirmationNumber: ev('updateBilling').metadata.confirmationNumber,
      position: ev('updateBilling').position,
    });
    expect(await billingAfter('removeBilling')).toBeNull();
  });

  it('summarises the site: primary, secondaries, counts and exactly the open warnings', async () => {
    expect(await summaryOf(store)).toEqual({
      _id: SITE,
      siteId: SITE,
      name: SITE_NAME,
      registeredAt: ev('register').metadata.occurredAt,
      registeredBy: OP,
      position: ev('register').position,
      primaryContact: { userId: SAM, firstName: 'Sam', lastName: 'Second', email: SAM },
      secondaryContacts: [
        { userId: PAT, firstName: 'Pat', lastName: 'Primary', email: PAT, privileges: fullPrivileges() },
      ],
      userCount: 3,
      pendingRequestCount: 0,
      contactCount: 2,
      warnings: ['MISSING_CONTACT_TYPE:media_shipping', 'MISSING_CONTACT_TYPE:billing'],
    });
  });

  it('summarises every stage of the history', async () => {
    const at = async (label: string) => summaryOf(await project(new SiteAccessProjection(), through(label)));

    expect(await at('register')).toMatchObject({
      primaryContact: { userId: PAT, firstName: 'Pat', lastName: 'Primary', email: PAT },
      secondaryContacts: [],
      userCount: 1,
      pendingRequestCount: 0,
      contactCount: 1,
      warnings: [
        'NO_SECONDARY_CONTACT',
        'MISSING_CONTACT_TYPE:renewal',
        'MISSING_CONTACT_TYPE:media_shipping',
        'MISSING_CONTACT_TYPE:billing',
      ],
    });
    expect(await at('addSam')).toMatchObject({
      secondaryContacts: [
        {
          userId: SAM,
          firstName: 'Sam',
          lastName: 'Second',
          email: SAM,
          privileges: normalizePrivileges(SAM_PRIVILEGES),
        },
      ],
      userCount: 2,
      warnings: ['MISSING_CONTACT_TYPE:renewal', 'MISSING_CONTACT_TYPE:media_shipping', 'MISSING_CONTACT_TYPE:billing'],
    });
    expect(await at('nominateNia')).toMatchObject({ userCount: 3, pendingRequestCount: 1 });
    expect(await at('grantNia')).toMatchObject({ userCount: 4, pendingRequestCount: 0 });
    expect(await at('nominateNed')).toMatchObject({ userCount: 4, pendingRequestCount: 1 });
    expect(await at('denyNed')).toMatchObject({ userCount: 4, pendingRequestCount: 0 });
    expect(await at('umaRole')).toMatchObject({
      // sorted by last name: Second before User
      secondaryContacts: [
        {
          userId: SAM,
          firstName: 'Sam',
          lastName: 'Second',
          email: SAM,
          privileges: normalizePrivileges(SAM_PRIVILEGES),
        },
        {
          userId: UMA,
          firstName: 'Uma',
          lastName: 'User',
          email: UMA,
          privileges: normalizePrivileges(UMA_PRIVILEGES),
        },
      ],
    });
    expect((await at('umaPrivileges'))?.secondaryContacts).toContainEqual({
      userId: UMA,
      firstName: 'Uma',
      lastName: 'User',
      email: UMA,
      privileges: normalizePrivileges(UMA_NEW_PRIVILEGES),
    });
    expect(await at('removeUma')).toMatchObject({
      primaryContact: { userId: PAT },
      secondaryContacts: [
        {
          userId: SAM,
          firstName: 'Sam',
          lastName: 'Second',
          email: SAM,
          privileges: normalizePrivileges(SAM_PRIVILEGES),
        },
      ],
      userCount: 3,
    });
    expect(await at('transfer')).toMatchObject({
      primaryContact: { userId: SAM, firstName: 'Sam', lastName: 'Second', email: SAM },
      secondaryContacts: [
        { userId: PAT, firstName: 'Pat', lastName: 'Primary', email: PAT, privileges: fullPrivileges() },
      ],
      userCount: 3,
    });
    expect(await at('addBilling')).toMatchObject({
      contactCount: 2,
      warnings: ['MISSING_CONTACT_TYPE:renewal', 'MISSING_CONTACT_TYPE:media_shipping'],
    });
    expect(await at('removeBilling')).toMatchObject({
      contactCount: 1,
      warnings: ['MISSING_CONTACT_TYPE:renewal', 'MISSING_CONTACT_TYPE:media_shipping', 'MISSING_CONTACT_TYPE:billing'],
    });
  });

  it('shows NO_SECONDARY_CONTACT again once the last secondary is gone', async () => {
    // Continue the history on the same stream: demote the former primary to a plain user.
    const pipeline = new CommandPipeline(eventStore, randomIds);
    const command: SiteCommand = {
      type: 'ChangeUserAccess',
      ...issued(SAM),
      userId: PAT,
      role: 'user',
      privileges: { softwareAccess: 'downloads' },
    };
    const outcome = await pipeline.execute({
      stream: siteStream.of(SITE),
      decider: siteDecider,
      command,
      meta: newCommandMeta({ commandName: command.type, actorId: SAM }, systemClock, randomIds),
    });
    expect(outcome.changed).toBe(true);
    const all = await eventStore.readAll({ limit: 100000 });
    expect(all.slice(events.length).map((e) => e.type)).toEqual(['RoleChanged', 'PrivilegesChanged']);

    const after = await expectIdempotent(new SiteAccessProjection(), all);
    expect(await summaryOf(after)).toMatchObject({
      primaryContact: { userId: SAM },
      secondaryContacts: [],
      userCount: 3,
      warnings: ['NO_SECONDARY_CONTACT', 'MISSING_CONTACT_TYPE:media_shipping', 'MISSING_CONTACT_TYPE:billing'],
    });
    expect(await after.collection(C.members).findOne({ _id: memberKey(SITE, PAT) })).toMatchObject({
      role: 'user',
      privileges: normalizePrivileges({ softwareAccess: 'downloads' }),
      position: all.at(-1)!.position,
    });
  });
});

describe('SiteAccessProjection: the monthly contact review', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let events: RecordedEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'site-access-review-'));
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    const pipeline = new CommandPipeline(eventStore, randomIds);
    const site = (command: SiteCommand) => recordSiteCommand(pipeline, SITE, command);
    const billing = (email: string): SiteCommand => ({
      type: 'UpdateContact',
      ...issuedNow(PAT),
      contactId: 'billing',
      contact: details('Bea', 'Billing', email),
      contactTypes: ['billing'],
    });
    await site(registerSiteCommand(SITE, SITE_NAME, PAT, OP));
    await site(billing('bea@example.com'));
    await site({ type: 'ReviewContact', ...issuedNow(PAT), contactId: 'billing' });
    await site(billing('bea@work.example'));
    events = await eventStore.readAll({ limit: 1000 });
  });

  afterAll(async () => {
    await eventStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records reviewedAt/reviewedBy on the contact and keeps them when the contact is changed later', async () => {
    expect(events.map((e) => e.type)).toEqual([
      'SiteRegistered',
      'ContactUpdated',
      'ContactReviewed',
      'ContactUpdated',
    ]);
    const reviewed = events[2]!;
    const store = await expectIdempotent(new SiteAccessProjection(), events);
    const contact = await store.collection(C.contacts).findOne({ _id: contactKey(SITE, 'billing') });
    expect(contact).toMatchObject({
      email: 'bea@work.example',
      reviewedAt: reviewed.metadata.occurredAt,
      reviewedBy: PAT,
      confirmationNumber: events[3]!.metadata.confirmationNumber,
    });
    const primary = await store.collection(C.contacts).findOne({ _id: contactKey(SITE, 'c-pat') });
    expect(primary).not.toHaveProperty('reviewedAt');
    // Before the review, the contact had none.
    const before = await project(new SiteAccessProjection(), events.slice(0, 2));
    expect(await before.collection(C.contacts).findOne({ _id: contactKey(SITE, 'billing') })).not.toHaveProperty(
      'reviewedAt',
    );
  });
});
