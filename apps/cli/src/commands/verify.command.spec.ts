import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type AppConfig, loadConfig, randomIds, systemClock } from '#core';
import { CommandPipeline, SqliteEventStore, newCommandMeta } from '#event-store';
import type { SiteCommand } from '#site-access/domain/site.commands';
import { siteDecider } from '#site-access/domain/site.decider';
import { verifyCommand } from './verify.command.js';
import { siteStream } from '#site-access/domain/site.streams';

const contact = { telephone: '1', address: 'a', city: 'c', postalCode: '1' };
const operator = { userId: 'op', operator: true, auditor: false };
const pat = { userId: 'pat', operator: false, auditor: false };

/** A real history in a real SQLite file, then tampered with through SQL as an attacker with file access would. */
describe('npm run verify (hash chains and read models)', () => {
  let dir: string;
  let config: AppConfig;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verify-'));
    config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'error' });
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const pipeline = new CommandPipeline(store);
    const run = (siteId: string, body: Omit<SiteCommand, 'at' | 'actor'>, actor = pat) =>
      pipeline.execute({
        stream: siteStream.of(siteId),
        decider: siteDecider,
        command: { ...body, actor, at: new Date().toISOString() } as SiteCommand,
        meta: newCommandMeta({ commandName: body.type, actorId: actor.userId }, systemClock, randomIds),
      });
    for (const siteId of ['1001', '2002']) {
      await run(
        siteId,
        {
          type: 'RegisterSite',
          siteId,
          name: `Site ${siteId}`,
          contactId: 'primary',
          contactTypes: ['administrative'],
          primary: { userId: 'pat', firstName: 'Pat', lastName: 'P', email: 'pat@example.com', ...contact },
        } as Omit<SiteCommand, 'at' | 'actor'>,
        operator,
      );
      for (const user of ['uma', 'ulf', 'ute']) {
        await run(siteId, {
          type: 'AddUser',
          user: { userId: user, firstName: user, lastName: 'U', email: `${user}@example.com` },
          role: 'user',
          privileges: {},
        } as Omit<SiteCommand, 'at' | 'actor'>);
      }
    }
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tamper = (sql: string) => {
    const db = new Database(join(dir, 'events.sqlite'));
    const changes = db.prepare(sql).run().changes;
    db.close();
    expect(changes).toBeGreaterThan(0);
  };

  it('passes on an untouched log: every chain holds and the rebuilt read models match', async () => {
    const { ok, report } = await verifyCommand(config);
    expect(report).toContain('hash chains: 8 events in 2 streams, 0 broken');
    expect(report).toContain('identical');
    expect(ok).toBe(true);
  });

  it('detects an edited event, naming the stream and revision', async () => {
    tamper(
      `UPDATE events SET data = json_set(data, '$.role', 'secondary') WHERE stream = 'site-1001' AND revision = 2`,
    );
    const { ok, report } = await verifyCommand(config);
    expect(ok).toBe(false);
    expect(report).toMatch(/BROKEN site-1001 at revision 2 .*hash/);
    expect(report).not.toContain('BROKEN site-2002');
  });

  it('detects a deleted event', async () => {
    tamper(`DELETE FROM events WHERE stream = 'site-2002' AND revision = 1`);
    const { ok, report } = await verifyCommand(config);
    expect(ok).toBe(false);
    expect(report).toMatch(/BROKEN site-2002 at revision 2 .*missing or out of order/);
  });

  it('detects a reordered pair of events, whether payloads or revisions were swapped', async () => {
    tamper(`UPDATE events SET data = CASE revision WHEN 1 THEN (SELECT data FROM events WHERE stream = 'site-1001' AND revision = 2)
                                                    ELSE (SELECT data FROM events WHERE stream = 'site-1001' AND revision = 1) END
            WHERE stream = 'site-1001' AND revision IN (1, 2)`);
    const swapped = await verifyCommand(config);
    expect(swapped.ok).toBe(false);
    expect(swapped.report).toMatch(/BROKEN site-1001 at revision 1 /);

    tamper(`UPDATE events SET revision = revision + 100 WHERE stream = 'site-2002' AND revision IN (1, 2)`);
    tamper(
      `UPDATE events SET revision = CASE revision WHEN 101 THEN 2 ELSE 1 END WHERE stream = 'site-2002' AND revision IN (101, 102)`,
    );
    const renumbered = await verifyCommand(config);
    expect(renumbered.report).toMatch(/BROKEN site-2002 at revision 2 .*missing or out of order/);
  });
});
