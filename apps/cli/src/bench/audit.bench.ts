import { AuditTrailProjection, type AuditEntryDocument } from '#audit/projections/audit-trail/audit-trail.projection';
import { AuditVisibility } from '#audit/application/audit-visibility';
import { SearchAuditHandler, SearchAuditQuery } from '#audit/queries/audit.queries';
import { SqliteDocumentStore } from '#read-store/sqlite/sqlite-document-store';
import { AuditDescribers } from '#audit/describe-event';
import { auditContexts } from '#composition';
import { median } from './bench-util.js';

/**
 * GET /v1/audit?actorId= over `count` audit entries in the embedded store, through the real query
 * handler (as an auditor), with the process's peak memory after loading them.
 */
export async function benchAuditQuery(count: number, actors = 2000, runs = 9) {
  const store = new SqliteDocumentStore(':memory:');
  await new AuditTrailProjection(new AuditDescribers(auditContexts.describers)).setup(store);
  const audit = store.collection<AuditEntryDocument>('audit_trail');
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < count; i += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, count - i) }, (_, j) => ({
      insertOne: { document: entry(i + j, actors, start) },
    }));
    await audit.bulkWrite(batch);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const rssAfterLoadMiB = process.memoryUsage().rss / 2 ** 20;
  const handler = new SearchAuditHandler(
    store,
    new AuditVisibility(auditContexts.scopes.map((scopesOf) => scopesOf(store))),
    new AuditDescribers(auditContexts.describers),
  );
  const auditor = { userId: 'audrey@example.com', roles: ['auditor' as const] };
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await handler.execute(
      new SearchAuditQuery(auditor, { actorId: `admin${(i * 37) % actors}@example.com`, limit: 50 }),
    );
    times.push(performance.now() - started);
    total = result.total;
  }
  return { medianMs: median(times), maxMs: Math.max(...times), perActor: total, rssAfterLoadMiB };
}

function entry(i: number, actors: number, start: number): AuditEntryDocument {
  const siteId = String(100000 + (i % 5000));
  const userId = `user${i}@example.com`;
  const confirmationNumber = `B${String(i).padStart(11, '0')}`;
  return {
    _id: confirmationNumber,
    confirmationNumber,
    action: 'AddUser',
    actorId: `admin${i % actors}@example.com`,
    occurredAt: new Date(start + i * 1000).toISOString(),
    scope: { siteId },
    targetUserId: userId,
    targetUserIds: [userId],
    changes: [
      { field: 'role', from: null, to: 'user' },
      { field: 'privileges.softwareAccess', from: 'none', to: 'downloads' },
    ],
    events: [
      {
        type: 'UserAdded',
        data: {
          siteId,
          userId,
          firstName: 'Uma',
          lastName: `User ${i}`,
          email: userId,
          role: 'user',
          privileges: { softwareAccess: 'downloads' },
        },
      },
    ],
    eventIds: [`e${i}`],
    position: String(i).padStart(20, '0'),
  };
}
