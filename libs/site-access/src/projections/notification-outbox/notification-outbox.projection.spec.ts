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
import { notificationStream } from '../../domain/site.streams.js';
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
