import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import {
  type AppConfig,
  type Clock,
  type Position,
  type RecordedEvent,
  loadConfig,
  randomIds,
  systemClock,
} from '#core';
import { CommandPipeline } from '#event-store/pipeline/command-pipeline';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import { type DocumentStore, ProjectionLeader, ProjectionLease, ProjectionRunner } from '#read-store';
import { SqliteDocumentStore } from '#read-store/sqlite/sqlite-document-store';
import type { SiteCommand } from '../domain/site.commands.js';
import { NotificationOutboxProjection } from '../projections/notification-outbox/notification-outbox.projection.js';
import { SITE_COLLECTIONS as C, type NotificationDocument } from '../projections/read-models.js';
import { SiteAccessProjection } from '../projections/site-access/site-access.projection.js';
import { NotificationMailer } from './notification-mailer.js';
import { issuedNow, recordSiteCommand, registerSiteCommand } from '../testing/site-pipeline.js';
import { notificationStream, userStream } from '../domain/site.streams.js';
import { userPreferencesDecider } from '../domain/user-preferences.js';
import { newCommandMeta } from '#event-store/pipeline/command-meta';

const SITE = '1001';
const SITE_NAME = 'Acme Munich';
/** The operator, the primary (pat) and three people who ask for access: nia (granted), ned (denied), ola. */
const [OP, PAT, NIA, NED, OLA] = ['op', 'pat', 'nia', 'ned', 'ola'].map((name) => `${name}@example.com`) as [
  string,
  string,
  string,
  string,
  string,
];
const NED_REASON = 'Not an employee of this site';

/** One message as the SMTP server received it: envelope, headers (lower-case names), decoded text body. */
interface Received {
  mailFrom: string | undefined;
  rcptTo: string[];
  headers: Map<string, string>;
  body: string;
}

function parseMessage(raw: string): Pick<Received, 'headers' | 'body'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n(?=[ \t])/g, ''); // unfold
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The read models the mailer needs, built from these events as the projection runner would. */
async function readModel(
  events: readonly RecordedEvent[],
  store: DocumentStore = new SqliteDocumentStore(':memory:'),
): Promise<DocumentStore> {
  const projections = [new SiteAccessProjection(), new NotificationOutboxProjection()];
  for (const projection of projections) await projection.setup(store);
  await catchUp(store, events);
  return store;
}

async function catchUp(store: DocumentStore, events: readonly RecordedEvent[]): Promise<void> {
  for (const projection of [new SiteAccessProjection(), new NotificationOutboxProjection()])
    await projection.project(events, store);
}

/** By recipient (ned, nia, ola): decisions may share a millisecond, so createdAt does not order them. */
const outbox = (store: DocumentStore) =>
  store.collection<NotificationDocument>(C.notifications).find({}, { sort: { userId: 1 } });

describe('NotificationMailer (real SMTP server, real SQLite event store)', () => {
  let smtp: SMTPServer;
  let port: number;
  const received: Received[] = [];
  const refused = new Set<string>();

  let dir: string;
  let eventStore: SqliteEventStore;
  let pipeline: CommandPipeline;
  let config: AppConfig;
  const running = new Set<NotificationMailer>();

  const site = (command: SiteCommand) => recordSiteCommand(pipeline, SITE, command);
  const nominate = (userId: string, firstName: string) =>
    site({
      type: 'NominateSelf',
      ...issuedNow(userId),
      requestId: `req-${firstName.toLowerCase()}`,
      firstName,
      lastName: 'Nominee',
      email: userId,
      businessJustification: 'Orders media',
    });
  const allEvents = () => eventStore.readAll({ limit: 100000 });
  const sentEvents = async () => (await allEvents()).filter((e) => e.type === 'NotificationSent');
  const after = async (position: Position) => eventStore.readAll({ after: position, limit: 100000 });

  /** Starts a mailer the way Nest does (creating its transport); stopped after each test. */
  const leaders = new Set<ProjectionLeader>();
  /** The projection leader of one process; the mailer's timer sends only while it leads. */
  const leaderOn = (store: DocumentStore, owner = 'mailer-spec') => {
    const leader = new ProjectionLeader(new ProjectionRunner(eventStore, store, []), new ProjectionLease(store, owner));
    leaders.add(leader);
    return leader;
  };
  const startMailer = (
    store: DocumentStore,
    on: CommandPipeline = pipeline,
    withConfig: AppConfig = config,
    leader = leaderOn(store),
  ) => {
    const mailer = new NotificationMailer(withConfig, store, on, systemClock, randomIds, leader);
    mailer.onApplicationBootstrap();
    running.add(mailer);
    return mailer;
  };
  const stopMailer = async (mailer: NotificationMailer) => {
    running.delete(mailer);
    await mailer.beforeApplicationShutdown();
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(
          refused.has(address.address)
            ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 })
            : undefined,
        );
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          received.push({
            mailFrom: from ? from.address : undefined,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            ...parseMessage(Buffer.concat(chunks).toString('utf8')),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(0, '127.0.0.1', () => resolve());
    });
    port = (smtp.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  let grant: RecordedEvent;
  let deny: RecordedEvent;

  beforeEach(async () => {
    // Only the mailer's polling interval is faked, so it never races the passes a test runs itself.
    jest.useFakeTimers({
      doNotFake: [
        'Date',
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
      ],
    });
    received.length = 0;
    refused.clear();
    dir = mkdtempSync(join(tmpdir(), 'notification-mailer-'));
    config = loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, DATA_DIR: dir });
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    pipeline = new CommandPipeline(eventStore, randomIds);

    await site(registerSiteCommand(SITE, SITE_NAME, PAT, OP));
    // Pat opts out of optional e-mails, so the outbox holds the two decisions only (the approvers'
    // e-mails about each request are the outbox projection spec's).
    await pipeline.execute({
      stream: userStream.of(PAT),
      decider: userPreferencesDecider,
      command: { type: 'SetNotificationEmail', userId: PAT, subscribed: false },
      meta: newCommandMeta({ commandName: 'SetNotificationEmail', actorId: PAT }, systemClock, randomIds),
    });
    await nominate(NIA, 'Nia');
    await nominate(NED, 'Ned');
    await site({
      type: 'GrantAccess',
      ...issuedNow(PAT),
      requestId: 'req-nia',
      role: 'user',
      privileges: { softwareAccess: 'downloads' },
    });
    await site({ type: 'DenyAccess', ...issuedNow(PAT), requestId: 'req-ned', reason: NED_REASON });
    const events = await allEvents();
    grant = events.find((e) => e.type === 'AccessGranted')!;
    deny = events.find((e) => e.type === 'AccessDenied')!;
  });

  afterEach(async () => {
    for (const mailer of [...running]) await stopMailer(mailer);
    for (const leader of leaders) await leader.stop();
    leaders.clear();
    jest.useRealTimers();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A mailer whose clock reads `hours` after now: the queued e-mails are that old to it. */
  const mailerLater = (store: DocumentStore, hours: number, withConfig: AppConfig = config) => {
    const later: Clock = { now: () => new Date(Date.now() + hours * 3_600_000) };
    const mailer = new NotificationMailer(withConfig, store, pipeline, later, randomIds, leaderOn(store));
    mailer.onApplicationBootstrap();
    running.add(mailer);
    return mailer;
  };

  it('sends e-mails queued less than MAIL_MAX_AGE_HOURS (default 72) ago', async () => {
    const store = await readModel(await allEvents());
    expect(config.mailMaxAgeHours).toBe(72);
    expect(await mailerLater(store, 71).deliverQueued()).toBe(2);
    expect(received.map((m) => m.rcptTo).sort()).toEqual([[NED], [NIA]]);
  });

  it('records an e-mail found queued past MAIL_MAX_AGE_HOURS as expired, once, and never sends it', async () => {
    const store = await readModel(await allEvents());
    const queuedAt = new Map((await outbox(store)).map((m) => [m._id, m.createdAt]));
    const head = (await eventStore.headPosition())!;

    expect(await mailerLater(store, 73).deliverQueued()).toBe(0);
    expect(received).toHaveLength(0);
    const recorded = await after(head);
    expect(recorded.map((e) => [e.stream, e.type, e.data]).sort()).toEqual(
      [grant, deny]
        .map((d) => [
          notificationStream.of(d.id),
          'NotificationExpired',
          { notificationId: d.id, queuedAt: queuedAt.get(d.id), maxAgeHours: 72 },
        ])
        .sort(),
    );
    await catchUp(store, recorded);
    expect((await outbox(store)).map((m) => [m._id, m.status, m.expiredAt])).toEqual([
      [deny.id, 'expired', recorded.find((e) => e.data.notificationId === deny.id)!.metadata.occurredAt],
      [grant.id, 'expired', recorded.find((e) => e.data.notificationId === grant.id)!.metadata.occurredAt],
    ]);

    // Final: a mailer allowing older e-mails, reading a read model rebuilt from before the expiry, sends nothing.
    const rebuilt = await readModel((await allEvents()).filter((e) => e.type !== 'NotificationExpired'));
    const patient = loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, DATA_DIR: dir, MAIL_MAX_AGE_HOURS: '1000' });
    expect(await mailerLater(rebuilt, 73, patient).deliverQueued()).toBe(0);
    expect(received).toHaveLength(0);
    expect(await after(head)).toHaveLength(2);
  });

  it('sends each queued e-mail exactly once and records its delivery in the notification stream', async () => {
    const store = await readModel(await allEvents());
    const queued = await outbox(store);
    expect(queued.map((m) => [m._id, m.to, m.status])).toEqual([
      [deny.id, NED, 'queued'],
      [grant.id, NIA, 'queued'],
    ]);
    const head = (await eventStore.headPosition())!;
    const mailer = startMailer(store);

    expect(await mailer.deliverQueued()).toBe(2);

    expect(received).toHaveLength(2);
    const to = (address: string) => received.filter((m) => m.rcptTo.includes(address));
    expect(to(NIA)).toHaveLength(1);
    expect(to(NED)).toHaveLength(1);
    const [granted] = to(NIA);
    const [denied] = to(NED);
    expect(granted!.rcptTo).toEqual([NIA]);
    expect(granted!.mailFrom).toBe('no-reply@localhost');
    expect(granted!.headers.get('to')).toBe(NIA);
    expect(granted!.headers.get('subject')).toBe(`Access granted to Passport Advantage site ${SITE} (${SITE_NAME})`);
    expect(granted!.headers.get('message-id')).toBe(`<${grant.id}@access-governance>`);
    expect(granted!.body).toContain(`Confirmation number: ${grant.metadata.confirmationNumber}`);
    expect(granted!.body.trimEnd()).toBe(queued[1]!.body.trimEnd());

    expect(denied!.rcptTo).toEqual([NED]);
    expect(denied!.headers.get('to')).toBe(NED);
    expect(denied!.headers.get('subject')).toBe(`Access denied to Passport Advantage site ${SITE} (${SITE_NAME})`);
    expect(denied!.headers.get('message-id')).toBe(`<${deny.id}@access-governance>`);
    expect(denied!.body).toContain(`Reason: ${NED_REASON}`);
    expect(denied!.body).toContain(`Confirmation number: ${deny.metadata.confirmationNumber}`);
    expect(denied!.body.trimEnd()).toBe(queued[0]!.body.trimEnd());

    const recorded = (await after(head)).sort((a, b) => a.stream.localeCompare(b.stream));
    expect(recorded).toHaveLength(2);
    const byStream = [grant, deny].sort((a, b) => a.id.localeCompare(b.id)).map((e) => e.id);
    expect(recorded.map((e) => e.stream)).toEqual(byStream.map((id) => `notification-${id}`));
    /** The first event of the notification's own stream, recorded by the mailer. */
    const sentFor = (decision: RecordedEvent, to: string) =>
      expect.objectContaining({
        type: 'NotificationSent',
        stream: `notification-${decision.id}`,
        revision: 0,
        data: { notificationId: decision.id, to, messageId: `<${decision.id}@access-governance>` },
        metadata: expect.objectContaining({ actorId: 'system:mailer', command: 'RecordNotificationSent' }),
      });
    expect(recorded).toEqual(expect.arrayContaining([sentFor(grant, NIA), sentFor(deny, NED)]));
    expect(await eventStore.readStream(notificationStream.of(grant.id))).toHaveLength(1);

    // The read model has not seen the deliveries yet: the delivery stream alone prevents a resend.
    expect((await outbox(store)).map((m) => m.status)).toEqual(['queued', 'queued']);
    expect(await mailer.deliverQueued()).toBe(0);

    await catchUp(store, await after(head));
    const sentAt = (id: string) => recorded.find((e) => e.stream === notificationStream.of(id))!.metadata.occurredAt;
    expect((await outbox(store)).map((m) => [m._id, m.status, m.sentAt])).toEqual([
      [deny.id, 'sent', sentAt(deny.id)],
      [grant.id, 'sent', sentAt(grant.id)],
    ]);
    expect(await mailer.deliverQueued()).toBe(0);

    expect(received).toHaveLength(2);
    expect(await sentEvents()).toHaveLength(2);
  });

  it('sends nothing again after a restart that rebuilds the read models from the event log', async () => {
    const first = startMailer(await readModel(await allEvents()));
    expect(await first.deliverQueued()).toBe(2);
    await stopMailer(first);
    const logBeforeDeliveries = (await allEvents()).filter((e) => e.type !== 'NotificationSent');

    // Restart: reopen the same event log with a fresh pipeline (empty state cache) and a fresh, empty read store.
    await eventStore.close();
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    pipeline = new CommandPipeline(eventStore, randomIds);

    const rebuilt = await readModel(await allEvents());
    expect((await outbox(rebuilt)).map((m) => [m._id, m.status])).toEqual([
      [deny.id, 'sent'],
      [grant.id, 'sent'],
    ]);
    const restarted = startMailer(rebuilt);
    expect(await restarted.deliverQueued()).toBe(0);

    // A rebuild still behind the log (deliveries not projected yet) shows them queued, and still sends nothing.
    const lagging = await readModel(logBeforeDeliveries);
    expect((await outbox(lagging)).map((m) => m.status)).toEqual(['queued', 'queued']);
    const laggingMailer = startMailer(lagging);
    expect(await laggingMailer.deliverQueued()).toBe(0);

    expect(received).toHaveLength(2);
    expect(await sentEvents()).toHaveLength(2);

    // A decision made after the restart is still delivered, once.
    const head = (await eventStore.headPosition())!;
    await nominate(OLA, 'Ola');
    const granted = await site({
      type: 'GrantAccess',
      ...issuedNow(PAT),
      requestId: 'req-ola',
      role: 'user',
      privileges: {},
    });
    await catchUp(rebuilt, await after(head));
    expect(await restarted.deliverQueued()).toBe(1);
    expect(await restarted.deliverQueued()).toBe(0);
    expect(received).toHaveLength(3);
    expect(received[2]!.rcptTo).toEqual([OLA]);
    expect(received[2]!.body).toContain(`Confirmation number: ${granted.confirmationNumber}`);
    expect(await sentEvents()).toHaveLength(3);
  });

  it('keeps sending the others when the server refuses one address, and retries that one later', async () => {
    refused.add(NED);
    const store = await readModel(await allEvents());
    const mailer = startMailer(store);
    expect(await mailer.deliverQueued()).toBe(1);
    expect(received.map((m) => m.rcptTo)).toEqual([[NIA]]);
    expect((await sentEvents()).map((e) => e.data.to)).toEqual([NIA]);
    refused.clear();
    expect(await mailer.deliverQueued()).toBe(1);
    expect(received.map((m) => m.rcptTo)).toEqual([[NIA], [NED]]);
  });

  it('never sends twice when passes are started concurrently', async () => {
    const store = await readModel(await allEvents());
    const mailer = startMailer(store);
    const counts = await Promise.all([mailer.deliverQueued(), mailer.deliverQueued(), mailer.deliverQueued()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(received).toHaveLength(2);
    expect(await sentEvents()).toHaveLength(2);
  });

  it('drains the outbox on its own timer once bootstrapped, and stops on shutdown', async () => {
    const store = await readModel(await allEvents());
    const leader = leaderOn(store);
    await leader.start();
    const mailer = startMailer(store, pipeline, config, leader);
    expect(received).toHaveLength(0);

    await jest.advanceTimersByTimeAsync(500);
    await eventually(async () => (await sentEvents()).length === 2);
    expect(received.map((m) => m.rcptTo).sort()).toEqual([[NED], [NIA]]);

    await jest.advanceTimersByTimeAsync(5000);
    await stopMailer(mailer);
    await leader.stop();
    expect(received).toHaveLength(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("a standby replica's timer sends nothing while another projector holds the lease", async () => {
    const store = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    await readModel(await allEvents(), store);
    const leading = leaderOn(store, 'replica-a');
    await leading.start();
    const standby = leaderOn(store, 'replica-b');
    await standby.start();
    expect([leading.leading, standby.leading]).toEqual([true, false]);
    const mailer = startMailer(store, pipeline, config, standby);
    await jest.advanceTimersByTimeAsync(2000);
    expect(received).toHaveLength(0);
    expect(await sentEvents()).toHaveLength(0);
    await stopMailer(mailer);
    for (const leader of [leading, standby]) await leader.stop();
    leaders.clear();
    await store.close();
  });

  it('without SMTP_URL sends nothing, records nothing and leaves the e-mails queued', async () => {
    const store = await readModel(await allEvents());
    const head = await eventStore.headPosition();
    const mailer = startMailer(store, pipeline, loadConfig({ DATA_DIR: dir }));

    expect(await mailer.deliverQueued()).toBe(0);
    expect(await mailer.deliverQueued()).toBe(0);
    await jest.advanceTimersByTimeAsync(1500);
    await stopMailer(mailer);

    expect(received).toHaveLength(0);
    expect(await eventStore.headPosition()).toBe(head);
    expect((await outbox(store)).map((m) => [m._id, m.status])).toEqual([
      [deny.id, 'queued'],
      [grant.id, 'queued'],
    ]);
  });
});
