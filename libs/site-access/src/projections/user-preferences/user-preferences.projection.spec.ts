import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, randomIds, systemClock } from '#core';
import { newCommandMeta } from '#event-store/pipeline/command-meta';
import { CommandPipeline } from '#event-store/pipeline/command-pipeline';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import { expectIdempotent } from '#read-store/testing/projection-testing';
import { notificationDeliveryDecider } from '../../domain/notification-delivery.js';
import { userPreferencesDecider } from '../../domain/user-preferences.js';
import { SITE_COLLECTIONS as C } from '../read-models.js';
import { UserPreferencesProjection } from './user-preferences.projection.js';
import { notificationStream, userStream } from '../../domain/site.streams.js';

const ANA = 'ana@example.com';
const BEN = 'ben@example.com';

describe('UserPreferencesProjection (events recorded by the real pipeline on SQLite)', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let pipeline: CommandPipeline;

  const setEmail = (userId: string, email: string) =>
    pipeline.execute({
      stream: userStream.of(userId),
      decider: userPreferencesDecider,
      command: { type: 'SetNotificationEmail', userId, email },
      meta: newCommandMeta({ commandName: 'SetNotificationEmail', actorId: userId }, systemClock, randomIds),
    });
  const preferences = async (events: readonly RecordedEvent[]) => {
    const store = await expectIdempotent(new UserPreferencesProjection(), events);
    return store.collection(C.preferences).find({}, { sort: { _id: 1 } });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'user-preferences-projection-'));
    eventStore = new SqliteEventStore(join(dir, 'events.sqlite'));
    pipeline = new CommandPipeline(eventStore, randomIds);
  });

  afterEach(async () => {
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the last e-mail each person set, however often the events are fed', async () => {
    expect((await setEmail(ANA, 'ana.first@example.com')).changed).toBe(true);
    expect((await setEmail(BEN, 'ben.only@example.com')).changed).toBe(true);
    expect((await setEmail(ANA, 'ana.second@example.com')).changed).toBe(true);
    expect((await setEmail(ANA, 'ana.second@example.com')).changed).toBe(false); // same e-mail: nothing recorded
    expect((await setEmail(ANA, 'ana.third@example.com')).changed).toBe(true);

    const events = await eventStore.readAll({ limit: 100000 });
    expect(events.map((e) => [e.stream, e.type, e.data])).toEqual([
      [userStream.of(ANA), 'NotificationEmailChanged', { userId: ANA, from: null, to: 'ana.first@example.com' }],
      [userStream.of(BEN), 'NotificationEmailChanged', { userId: BEN, from: null, to: 'ben.only@example.com' }],
      [
        userStream.of(ANA),
        'NotificationEmailChanged',
        { userId: ANA, from: 'ana.first@example.com', to: 'ana.second@example.com' },
      ],
      [
        userStream.of(ANA),
        'NotificationEmailChanged',
        { userId: ANA, from: 'ana.second@example.com', to: 'ana.third@example.com' },
      ],
    ]);
    const [, benSet, , anaLast] = events;

    expect(await preferences(events)).toEqual([
      {
        _id: ANA,
        userId: ANA,
        email: 'ana.third@example.com',
        updatedAt: anaLast!.metadata.occurredAt,
        position: anaLast!.position,
      },
      {
        _id: BEN,
        userId: BEN,
        email: 'ben.only@example.com',
        updatedAt: benSet!.metadata.occurredAt,
        position: benSet!.position,
      },
    ]);
  });

  it('follows each change in turn: after any prefix of the log, the latest e-mail so far wins', async () => {
    const emails = ['a@example.com', 'b@example.com', 'a@example.com', 'c@example.com'];
    for (const email of emails) expect((await setEmail(ANA, email)).changed).toBe(true);
    const events = await eventStore.readAll({ limit: 100000 });
    expect(events).toHaveLength(emails.length);
    for (let n = 1; n <= events.length; n++) {
      expect(await preferences(events.slice(0, n))).toEqual([
        {
          _id: ANA,
          userId: ANA,
          email: emails[n - 1],
          updatedAt: events[n - 1]!.metadata.occurredAt,
          position: events[n - 1]!.position,
        },
      ]);
    }
  });

  it('ignores every other event', async () => {
    await pipeline.execute({
      stream: notificationStream.of('n-1'),
      decider: notificationDeliveryDecider,
      command: { type: 'RecordNotificationSent', notificationId: 'n-1', to: ANA, messageId: '<n-1@access-governance>' },
      meta: newCommandMeta({ commandName: 'RecordNotificationSent', actorId: 'system:mailer' }, systemClock, randomIds),
    });
    expect(await preferences(await eventStore.readAll({ limit: 100000 }))).toEqual([]);
  });
});
