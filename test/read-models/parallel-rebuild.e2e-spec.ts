import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { allProjections, rebuildEmbedded, rebuildPart, shareProjections } from '#composition';
import { type Projection, SqliteDocumentStore, compareReadModels, mergeDatabaseFiles } from '#read-store';
import { createLocation, registerEnterprise, selfAssociate } from '../support/partner-fixtures.js';
import { addUser, nominate, person, registerSite } from '../support/site-fixtures.js';
import { startTestApp } from '../support/test-app.js';

/** The schema and catalog of a read-models file, as comparable text: tables, indexes, the store's catalog rows. */
function layoutOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const catalog = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_\\_docstore%' ESCAPE '\\'`)
        .all() as { name: string }[]
    ).map((r) => r.name);
    return {
      schema: db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all(),
      ...Object.fromEntries(
        catalog.map((table) => [
          table,
          db
            .prepare(`SELECT * FROM "${table}"`)
            .all()
            .map((row) => JSON.stringify(row))
            .sort(),
        ]),
      ),
    };
  } finally {
    db.close();
  }
}

/**
 * `npm run rebuild` shares the projections among threads, each building its own part file, and
 * merges the parts. Here the parts are built one after another in this process (Jest runs the
 * TypeScript sources; the threads themselves run in the built CLI, killed and verified by the
 * durability suite): the merged file must equal the single-threaded rebuild in every document,
 * table, index and catalog row.
 */
describe('Parallel rebuild: parts merged into one read-models file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parallel-rebuild-'));
  const eventsFile = join(dataDir, 'events.sqlite');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const t = await startTestApp({ DATA_DIR: dataDir });
    try {
      await registerSite(t, '8101', 'pat@example.com');
      await registerSite(t, '8102', 'pia@example.com');
      await addUser(t, '8101', person('uma@example.com', 'secondary', { reporting: 'view' }));
      await addUser(t, '8102', person('uma@example.com'), 'pia@example.com');
      await nominate(t, '8101', 'nina@example.com');
      const enterprise = await registerEnterprise(t, 'paula@example.com');
      const location = await createLocation(t, enterprise.enterpriseId, 'paula@example.com', 'Acme East');
      await selfAssociate(t, enterprise.enterpriseId, location.locationId, location.companyToken, 'eve@example.com');
    } finally {
      await t.close();
    }
  });

  it('deals the projections to threads by replay cost, the heaviest group first, never an empty one', () => {
    const names = (groups: Projection[][]) => groups.map((g) => g.map((p) => p.name).sort());
    const projections = allProjections();
    expect(names(shareProjections(projections, 1))).toEqual([projections.map((p) => p.name).sort()]);
    expect(names(shareProjections(projections, 2))).toEqual([
      ['audit-trail', 'partner-profile'],
      ['notification-outbox', 'site-access', 'user-preferences'],
    ]);
    const many = shareProjections(projections, 64);
    expect(many).toHaveLength(projections.length);
    expect(many.every((g) => g.length === 1)).toBe(true);
    expect(() => shareProjections(projections, 0)).toThrow('rebuild threads must be a positive integer, got 0');
  });

  it('two parts merged equal one single-threaded rebuild: documents, tables, indexes and catalog', async () => {
    const single = join(dataDir, 'single.sqlite');
    const merged = join(dataDir, 'merged.sqlite');
    const { replayed, threads } = await rebuildEmbedded({ events: { file: eventsFile }, target: single, threads: 1 });
    expect(threads).toBe(1);
    expect(replayed).toBeGreaterThan(8);

    const [first, second] = shareProjections(allProjections(), 2);
    expect(await rebuildPart({ file: eventsFile }, merged, first!)).toBe(replayed);
    expect(await rebuildPart({ file: eventsFile }, `${merged}.part1`, second!)).toBe(replayed);
    mergeDatabaseFiles(merged, [`${merged}.part1`]);

    const [expected, actual] = [new SqliteDocumentStore(single), new SqliteDocumentStore(merged)];
    try {
      expect(await compareReadModels(allProjections(), expected, actual)).toEqual([]);
      // Not vacuous: every projection wrote something that the comparison covered.
      for (const collection of ['site_members', 'notifications', 'partner_employees', 'audit_trail', '_checkpoints'])
        expect(await actual.collection(collection).countDocuments({})).toBeGreaterThan(0);
      expect(await actual.collection('_checkpoints').countDocuments({})).toBe(allProjections().length);
    } finally {
      await expected.close();
      await actual.close();
    }
    expect(layoutOf(merged)).toEqual(layoutOf(single));
  });

  it('refuses to merge a part still loading in bulk, and leaves the target as it was', async () => {
    const target = join(dataDir, 'target.sqlite');
    const part = join(dataDir, 'half.sqlite');
    const [first, second] = shareProjections(allProjections(), 2);
    await rebuildPart({ file: eventsFile }, target, first!);
    const half = new SqliteDocumentStore(part, { rebuilding: true });
    await half.transaction(async (tx) => {
      await tx.beginBulkLoad?.(second!.flatMap((p) => p.collections));
    });
    await half.close();
    const before = layoutOf(target);
    expect(() => mergeDatabaseFiles(target, [part])).toThrow(/still loading in bulk/);
    expect(layoutOf(target)).toEqual(before);
  });
});
