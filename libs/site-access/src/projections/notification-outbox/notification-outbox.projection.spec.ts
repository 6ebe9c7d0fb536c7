import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, randomIds, systemClock } from '#core';
import { newCommandMeta } from '#event-store/pipeline/command-meta';
import { CommandPipeline } from '#event-store/pipeline/command-pipeline';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import type { DocumentStore, Projection } from '#read-store';
import { expectIdempotent } from '#read-store/testing/projection-testing';
import { notificationDeliveryDecider } from '../../domain/notification-delivery.js';
import type { SiteCommand } from '../../domain/site.commands.js';
import { SITE_COLLECTIONS as C, type NotificationDocument } from '../read-models.js';
import { SiteAccessProjection } from '../site-access/site-access.projection.js';
import { NotificationOutboxProjection } from './notification-outbox.projection.js';
import { noticeStream, notificationStream, userStream } from '../../domain/site.streams.js';
import { nextMonthStart } from '../../domain/notification-audience.js';
import { type ScheduledNoticeEvent, noticeId, scheduledNoticeDecider } from '../../domain/scheduled-notice.js';
import { userPreferencesDecider } from '../../domain/user-preferences.js';
import { issuedNow as issued, recordSiteCommand, registerSiteCommand } from '../../testing/site-pipeline.js';

const SITE = '1001';
const SITE_NAME = 'Acme Munich';
const OP = 'op@example.com';
const PAT = 'pat@example.com';
const NIA = 'nia@example.com';
const NED = 'ned@example.com';
const NED_REASON = 'Not an employee of this site';
const FOOTER = 'Please retain it for all future inquiries on this transaction.';

/** Both projections over each batch, in the order given: the outbox must not care which runs first. */
function together(first: Projection, second: Projection): Projection {
  return {
    name: `${first.name}+${second.name}`,
    collections: [...first.collections, ...second.collections],
    setup: async (store) => {
      await first.setup?.(store);
      await second.setup?.(store);
    },
    project: async (events, store) => {
      await first.project(events, store);
      await second.project(events, store);
    },
  };
}

describe('NotificationOutboxProjection (events recorded by the real pipeline on SQLite)', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let pipeline: CommandPipeline;
  let events: RecordedEvent[];
  let grant: RecordedEvent;
  let deny: RecordedEvent;

  const site = (command: SiteCommand) => recordSiteCommand(pipeline, SITE, command);
  // By recipient (ned before nia): both decisions may share a millisecond, so createdAt does not order them.
  const notifications = (store: DocumentStore) =>
    store.collection<NotificationDocument>(C.notifications).find({ kind: 'access_decision' }, { sort: { userId: 1 } });

  const grantedMail = (siteLabel: string): NotificationDocument => ({
    _id: grant.id,
    notificationId: grant.id,
    kind: 'access_decision',
    userId: NIA,
    to: NIA,
    subject: `Access granted to Passport Advantage ${siteLabel}`,
    body:
      `Hello,\n\nYour request for access to ${siteLabel} was granted by ${PAT}. Your role is user. ` +
      `You can now sign in with your user id ${NIA}.\n\nConfirmation number: ${grant.metadata.confirmationNumber}\n${FOOTER}\n`,
    siteId: SITE,
    confirmationNumber: grant.metadata.confirmationNumber,
    createdAt: grant.metadata.occurredAt,
    status: 'queued',
  });
  const deniedMail = (siteLabel: string): NotificationDocument => ({
    _id: deny.id,
    notificationId: deny.id,
    kind: 'access_decision',
    userId: NED,
    to: NED,
    subject: `Access denied to Passport Advantage ${siteLabel}`,
    body:
      `Hello,\n\nYour request for access to ${siteLabel} was denied by ${PAT}.\nReason: ${NED_REASON}\n\n` +
      `Confirmation number: ${deny.metadata.confirmationNumber}\n${FOOTER}\n`,
    siteId: SITE,
    confirmationNumber: deny.metadata.confirmationNumber,
    createdAt: deny.metadata.occurredAt,
    status: 'queued',
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'notification-outbox-projection-'));
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    pipeline = new CommandPipeline(eventStore, randomIds);
    await site(registerSiteCommand(SITE, SITE_NAME, PAT, OP));
    await site({
      type: 'NominateSelf',
      ...issued(NIA),
      requestId: 'req-nia',
      firstName: 'Nia',
      lastName: 'Nominee',
      email: NIA,
      businessJustification: 'Orders media',
    });
    await site({
      type: 'NominateSelf',
      ...issued(NED),
      requestId: 'req-ned',
      firstName: 'Ned',
      lastName: 'Nominee',
      email: NED,
      businessJustification: 'Curious',
    });
    // The grant also edits the justification: two events, one e-mail.
    const granted = await site({
      type: 'GrantAccess',
      ...issued(PAT),
      requestId: 'req-nia',
      role: 'user',
      privileges: { softwareAccess: 'downloads' },
      businessJustification: 'Orders media and renewals',
    });
    const denied = await site({ type: 'DenyAccess', ...issued(PAT), requestId: 'req-ned', reason: `  ${NED_REASON} ` });
    events = await eventStore.readAll({ limit: 100000 });
    expect(events.map((e) => e.type)).toEqual([
      'SiteRegistered',
      'UserNominated',
      'UserNominated',
      'NominationJustificationEdited',
      'AccessGranted',
      'AccessDenied',
    ]);
    grant = events.find((e) => e.type === 'AccessGranted')!;
    deny = events.find((e) => e.type === 'AccessDenied')!;
    expect(grant.metadata.confirmationNumber).toBe(granted.confirmationNumber);
    expect(deny.metadata.confirmationNumber).toBe(denied.confirmationNumber);
  });

  afterAll(async () => {
    await eventStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues exactly one e-mail per grant and per denial, to the requester, however often the events are fed', async () => {
    const store = await expectIdempotent(new NotificationOutboxProjection(), events);
    // Alone (no site-access read model in the store) the e-mail still names the site: the outbox keeps its own names.
    expect(await notifications(store)).toEqual([
      deniedMail(`site ${SITE} (${SITE_NAME})`),
      grantedMail(`site ${SITE} (${SITE_NAME})`),
    ]);
    expect(await store.collection(C.summaries).countDocuments({})).toBe(0);
  });

  it('gives the same outbox alone, before and after the site-access projection (event by event and in one batch)', async () => {
    // expectIdempotent feeds the events one batch each and all in one batch, and returns the first.
    const outbox = async (projection: Projection) => notifications(await expectIdempotent(projection, events));
    const alone = await outbox(new NotificationOutboxProjection());
    expect(alone).toHaveLength(2);
    expect(await outbox(together(new NotificationOutboxProjection(), new SiteAccessProjection()))).toEqual(alone);
    expect(await outbox(together(new SiteAccessProjection(), new NotificationOutboxProjection()))).toEqual(alone);
  });

  it('names the site, the decision, the reason of a denial and the confirmation number when site-access projects first', async () => {
    const store = await expectIdempotent(
      together(new SiteAccessProjection(), new NotificationOutboxProjection()),
      events,
    );
    const mails = await notifications(store);
    expect(mails).toEqual([deniedMail(`site ${SITE} (${SITE_NAME})`), grantedMail(`site ${SITE} (${SITE_NAME})`)]);
    const [denied, granted] = mails;
    expect(granted!.subject).toContain('granted');
    expect(granted!.body).toContain(grant.metadata.confirmationNumber);
    expect(denied!.subject).toContain('denied');
    expect(denied!.body).toContain(`Reason: ${NED_REASON}\n`);
    expect(denied!.body).toContain(deny.metadata.confirmationNumber);
    expect(granted!.confirmationNumber).not.toBe(denied!.confirmationNumber);
  });

  it('marks an e-mail sent when its NotificationSent is recorded, and only that one', async () => {
    const record = () =>
      pipeline.execute({
        stream: notificationStream.of(grant.id),
        decider: notificationDeliveryDecider,
        command: {
          type: 'RecordNotificationSent',
          notificationId: grant.id,
          to: NIA,
          messageId: `<${grant.id}@access-governance>`,
        },
        meta: newCommandMeta(
          { commandName: 'RecordNotificationSent', actorId: 'system:mailer' },
          systemClock,
          randomIds,
        ),
      });
    expect((await record()).changed).toBe(true);
    expect((await record()).changed).toBe(false); // the delivery stream records one send only

    const all = await eventStore.readAll({ limit: 100000 });
    const sent = all.at(-1)!;
    expect(all).toHaveLength(events.length + 1);
    expect(sent).toMatchObject({
      type: 'NotificationSent',
      stream: `notification-${grant.id}`,
      revision: 0,
      data: { notificationId: grant.id, to: NIA, messageId: `<${grant.id}@access-governance>` },
    });

    const store = await expectIdempotent(together(new SiteAccessProjection(), new NotificationOutboxProjection()), all);
    expect(await notifications(store)).toEqual([
      deniedMail(`site ${SITE} (${SITE_NAME})`),
      { ...grantedMail(`site ${SITE} (${SITE_NAME})`), status: 'sent', sentAt: sent.metadata.occurredAt },
    ]);
    const alone = await expectIdempotent(new NotificationOutboxProjection(), all);
    expect((await notifications(alone)).map((m) => [m._id, m.status])).toEqual([
      [deny.id, 'queued'],
      [grant.id, 'sent'],
    ]);
  });
});

describe('NotificationOutboxProjection: approvers, reminders, contact reviews, welcomes, subscriptions', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let pipeline: CommandPipeline;
  let events: RecordedEvent[];
  const SAM = 'sam@example.com';
  const VIC = 'vic@example.com';
  const OPAQUE = 'u-42';
  const DAY = 24 * 60 * 60 * 1000;

  const site = (command: SiteCommand) => recordSiteCommand(pipeline, SITE, command);
  const meta = (commandName: string, actorId: string) =>
    newCommandMeta({ commandName, actorId }, systemClock, randomIds);
  const notice = (event: ScheduledNoticeEvent) =>
    pipeline.execute({
      stream: noticeStream.of(noticeId(event)),
      decider: scheduledNoticeDecider,
      command: { type: 'RecordNoticeDue', notice: event },
      meta: meta('RecordNoticeDue', 'system:scheduler'),
    });
  const nominate = (userId: string, requestId: string, businessJustification: string) =>
    site({
      type: 'NominateSelf',
      ...issued(userId),
      requestId,
      firstName: 'Typed\nName',
      lastName: 'Requester',
      email: 'typed@elsewhere.example',
      businessJustification,
    });
  const byEvent = (type: string, nth = 0) => events.filter((e) => e.type === type)[nth]!;
  const mails = async (store: DocumentStore) =>
    (await store.collection<NotificationDocument>(C.notifications).find({}, { sort: { _id: 1 } })).map(
      ({ _id, kind, userId, to, status, confirmationNumber }) => ({
        _id,
        kind,
        userId,
        to,
        status,
        confirmationNumber,
      }),
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'notification-outbox-notices-'));
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    pipeline = new CommandPipeline(eventStore, randomIds);
    await site(registerSiteCommand(SITE, SITE_NAME, PAT, OP));
    const add = (userId: string, role: 'secondary' | 'user', privileges: Record<string, string>) =>
      site({
        type: 'AddUser',
        ...issued(PAT),
        user: { userId, firstName: 'A', lastName: 'B', email: 'typed-by-pat@example.com' },
        role,
        privileges,
      });
    await add(SAM, 'secondary', { manageAccess: 'update' });
    await add(VIC, 'secondary', { manageAccess: 'view', contactUpdates: 'update' });
    await add(OPAQUE, 'user', {});
    await nominate(NIA, 'req-nia', 'Orders media\nBcc: evil@example.com');
    // Sam opts out of optional e-mails; his eNotification address is where the rest goes.
    await pipeline.execute({
      stream: userStream.of(SAM),
      decider: userPreferencesDecider,
      command: { type: 'SetNotificationEmail', userId: SAM, email: 'sam.alerts@example.com', subscribed: false },
      meta: meta('SetNotificationEmail', SAM),
    });
    await nominate(NED, 'req-ned', 'Curious');
    const requestedAt = (await eventStore.readAll({ limit: 1000 })).find((e) => e.type === 'UserNominated')!.metadata
      .occurredAt;
    await notice({
      type: 'AccessRequestReminderDue',
      data: { siteId: SITE, requestId: 'req-nia', requestedAt, dueAt: new Date(Date.now() + 7 * DAY).toISOString() },
    });
    await site({ type: 'DenyAccess', ...issued(PAT), requestId: 'req-ned', reason: NED_REASON });
    // Found due after ned's request was decided: recorded, but nobody is reminded.
    await notice({
      type: 'AccessRequestReminderDue',
      data: { siteId: SITE, requestId: 'req-ned', requestedAt, dueAt: new Date(Date.now() + 7 * DAY).toISOString() },
    });
    const dueAt = new Date(Date.now() + 40 * DAY).toISOString();
    await notice({ type: 'ContactReviewDue', data: { siteId: SITE, month: dueAt.slice(0, 7), dueAt } });
    events = await eventStore.readAll({ limit: 100000 });
  });

  afterAll(async () => {
    await eventStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues exactly these e-mails, however often and in whatever batches the events are fed', async () => {
    const store = await expectIdempotent(new NotificationOutboxProjection(), events);
    const added = (n: number) => byEvent('UserAdded', n);
    const [nia, ned] = [byEvent('UserNominated', 0), byEvent('UserNominated', 1)];
    const reminder = byEvent('AccessRequestReminderDue', 0);
    const review = byEvent('ContactReviewDue');
    const denied = byEvent('AccessDenied');
    const expected = [
      // Welcomes go to the added person's own address: their sign-in id, never what the admin typed.
      {
        _id: added(0).id,
        kind: 'welcome',
        userId: SAM,
        to: SAM,
        status: 'queued',
        confirmationNumber: added(0).metadata.confirmationNumber,
      },
      {
        _id: added(1).id,
        kind: 'welcome',
        userId: VIC,
        to: VIC,
        status: 'queued',
        confirmationNumber: added(1).metadata.confirmationNumber,
      },
      {
        _id: added(2).id,
        kind: 'welcome',
        userId: OPAQUE,
        to: null,
        status: 'no_verified_address',
        confirmationNumber: added(2).metadata.confirmationNumber,
      },
      // Nia's request: the primary and sam (manageAccess=update); not vic (view only).
      {
        _id: `${nia.id}:${PAT}`,
        kind: 'access_request',
        userId: PAT,
        to: PAT,
        status: 'queued',
        confirmationNumber: nia.metadata.confirmationNumber,
      },
      {
        _id: `${nia.id}:${SAM}`,
        kind: 'access_request',
        userId: SAM,
        to: SAM,
        status: 'queued',
        confirmationNumber: nia.metadata.confirmationNumber,
      },
      // Ned's request, after sam unsubscribed: the primary only.
      {
        _id: `${ned.id}:${PAT}`,
        kind: 'access_request',
        userId: PAT,
        to: PAT,
        status: 'queued',
        confirmationNumber: ned.metadata.confirmationNumber,
      },
      {
        _id: `${reminder.id}:${PAT}`,
        kind: 'access_request_reminder',
        userId: PAT,
        to: PAT,
        status: 'queued',
        confirmationNumber: nia.metadata.confirmationNumber,
      },
      {
        _id: denied.id,
        kind: 'access_decision',
        userId: NED,
        to: NED,
        status: 'queued',
        confirmationNumber: denied.metadata.confirmationNumber,
      },
      // The monthly review: the primary and vic (contactUpdates=update); sam has no contact rights.
      {
        _id: `${review.id}:${PAT}`,
        kind: 'contact_review',
        userId: PAT,
        to: PAT,
        status: 'queued',
        confirmationNumber: review.metadata.confirmationNumber,
      },
      {
        _id: `${review.id}:${VIC}`,
        kind: 'contact_review',
        userId: VIC,
        to: VIC,
        status: 'queued',
        confirmationNumber: review.metadata.confirmationNumber,
      },
    ];
    const byId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
    expect(await mails(store)).toEqual([...expected].sort(byId));
    // The same outbox whichever projection runs first.
    const withSiteAccessFirst = await expectIdempotent(
      together(new SiteAccessProjection(), new NotificationOutboxProjection()),
      events,
    );
    expect(await mails(withSiteAccessFirst)).toEqual([...expected].sort(byId));
  });

  it('tells approvers who asked, for what, the justification on one line and the API paths; no typed name', async () => {
    const store = await expectIdempotent(new NotificationOutboxProjection(), events);
    const nia = byEvent('UserNominated', 0);
    const mail = (await store.collection<NotificationDocument>(C.notifications).findOne({ _id: `${nia.id}:${PAT}` }))!;
    expect(mail.subject).toBe(`Access request for Passport Advantage site ${SITE} (${SITE_NAME})`);
    expect(mail.body).toContain(`${NIA} asks for access to site ${SITE} (${SITE_NAME}) as user, with no privileges.`);
    expect(mail.body).toContain('as the requester wrote it: "Orders media Bcc: evil@example.com"\n');
    expect(mail.body).toContain(`POST /v1/sites/${SITE}/access-requests/req-nia/grant`);
    expect(mail.body).toContain(`POST /v1/sites/${SITE}/access-requests/req-nia/deny`);
    expect(mail.body).toContain(nia.metadata.confirmationNumber);
    expect(mail.body).not.toContain('Typed');
    expect(mail.body).not.toContain('typed@elsewhere.example');
    const reminder = byEvent('AccessRequestReminderDue', 0);
    const reminded = (await store
      .collection<NotificationDocument>(C.notifications)
      .findOne({ _id: `${reminder.id}:${PAT}` }))!;
    expect(reminded.subject).toBe(
      `Reminder: access request waiting for Passport Advantage site ${SITE} (${SITE_NAME})`,
    );
    expect(reminded.body).toContain('has waited 7 days for a decision');
    expect(reminded.body).toContain(`${NIA} asks for access`);
    const requests = await store.collection(C.outboxRequests).find({}, { sort: { _id: 1 } });
    expect(requests.map((r) => [r._id, r.remindAt, r.decided])).toEqual([
      ['req-ned', undefined, true],
      ['req-nia', undefined, undefined],
    ]);
  });

  it('lists the contacts to review by name and type, and moves the next review to the following month', async () => {
    const store = await expectIdempotent(new NotificationOutboxProjection(), events);
    const review = byEvent('ContactReviewDue');
    const mail = (await store
      .collection<NotificationDocument>(C.notifications)
      .findOne({ _id: `${review.id}:${VIC}` }))!;
    const { month, dueAt } = review.data as { month: string; dueAt: string };
    expect(mail.subject).toBe(`Monthly contact review (${month}) for Passport Advantage site ${SITE} (${SITE_NAME})`);
    expect(mail.body).toContain('- c-pat: Pat Primary (administrative), never reviewed, last changed ');
    expect(mail.body).toContain(`POST /v1/sites/${SITE}/contacts/{contactId}/review`);
    expect(mail.body).not.toContain('+49 89 1234'); // no telephone, address or e-mail in the mail
    expect(mail.body).not.toContain('Main Street');
    const outboxSite = await store.collection(C.outboxSites).findOne({ _id: SITE });
    expect(outboxSite?.nextReviewAt).toBe(nextMonthStart(dueAt));
  });
});

describe('NotificationOutboxProjection: approvers follow role and privilege changes, transfers and removals', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let events: RecordedEvent[];
  const SAM = 'sam@example.com';
  const UMA = 'uma@example.com';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'notification-outbox-approvers-'));
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    const pipeline = new CommandPipeline(eventStore, randomIds);
    const site = (command: SiteCommand) => recordSiteCommand(pipeline, SITE, command);
    const user = (userId: string) => ({ userId, firstName: 'A', lastName: 'B', email: userId });
    await site(registerSiteCommand(SITE, SITE_NAME, PAT, OP));
    await site({ type: 'AddUser', ...issued(PAT), user: user(UMA), role: 'user', privileges: {} });
    await site({
      type: 'AddUser',
      ...issued(PAT),
      user: user(SAM),
      role: 'secondary',
      privileges: { manageAccess: 'update' },
    });
    // uma becomes a secondary who decides requests; sam keeps only the view.
    await site({
      type: 'ChangeUserAccess',
      ...issued(PAT),
      userId: UMA,
      role: 'secondary',
      privileges: { manageAccess: 'update' },
    });
    await site({ type: 'ChangeUserAccess', ...issued(PAT), userId: SAM, privileges: { manageAccess: 'view' } });
    // pat hands the primary role to uma and stays a secondary who decides requests.
    await site({
      type: 'TransferPrimaryContact',
      ...issued(PAT),
      userId: UMA,
      formerPrimaryRole: 'secondary',
      formerPrimaryPrivileges: { manageAccess: 'update', contactUpdates: 'view' },
    });
    await site({
      type: 'NominateSelf',
      ...issued(NIA),
      requestId: 'req-nia',
      firstName: 'Nia',
      lastName: 'N',
      email: NIA,
      businessJustification: 'Orders media',
    });
    await site({ type: 'RemoveUser', ...issued(UMA), userId: PAT });
    await site({
      type: 'NominateSelf',
      ...issued(NED),
      requestId: 'req-ned',
      firstName: 'Ned',
      lastName: 'N',
      email: NED,
      businessJustification: 'Curious',
    });
    events = await eventStore.readAll({ limit: 100000 });
  });

  afterAll(async () => {
    await eventStore?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks whoever may decide at the time of the request', async () => {
    const store = await expectIdempotent(new NotificationOutboxProjection(), events);
    const requests = await store
      .collection<NotificationDocument>(C.notifications)
      .find({ kind: 'access_request' }, { sort: { _id: 1 } });
    const [nia, ned] = events.filter((e) => e.type === 'UserNominated') as [RecordedEvent, RecordedEvent];
    const asked = (event: RecordedEvent) =>
      requests
        .filter((m) => m._id.startsWith(`${event.id}:`))
        .map((m) => m.userId)
        .sort();
    expect(asked(nia)).toEqual([PAT, UMA]); // the new primary, and the former one as a deciding secondary
    expect(asked(ned)).toEqual([UMA]); // pat was removed meanwhile; sam only views
    const outboxSite = await store.collection(C.outboxSites).findOne({ _id: SITE });
    expect(outboxSite?.admins).toEqual(
      expect.arrayContaining([
        { userId: UMA, role: 'primary', manageAccess: 'update', contactUpdates: 'update' },
        { userId: SAM, role: 'secondary', manageAccess: 'view', contactUpdates: 'none' },
      ]),
    );
    expect(outboxSite?.admins).toHaveLength(2);
  });
});
