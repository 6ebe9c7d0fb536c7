import { AuditTrailProjection, type AuditEntryDocument } from '#audit/projections/audit-trail/audit-trail.projection';
import { AuditVisibility } from '#audit/application/audit-visibility';
import { SearchAuditHandler, SearchAuditQuery } from '#audit/queries/audit.queries';
import { SqliteDocumentStore } from '#read-store/sqlite/sqlite-document-store';
import { SqliteEventStore } from '#event-store/sqlite/sqlite-event-store';
import type { NewEvent } from '#core';
import { AuditDescribers } from '#audit/describe-event';
import { auditContexts } from '#composition';
import { median } from './bench-util.js';

const SITES = 5000;

/**
 * GET /v1/audit?actorId= over `count` audit entries in the embedded store, through the real query
 * handler (as an auditor), with the process's peak memory after loading them. Each entry's event
 * (one UserAdded) is in an in-memory SQLite event store, where the handler reads the page's events.
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
  // One append per site stream (its entries' events, in order): entry i is revision floor(i / SITES) there.
  const events = new SqliteEventStore(':memory:');
  const perSite = new Map<string, NewEvent[]>();
  for (let i = 0; i < count; i++) {
    const { stream, event } = recorded(i, actors, start);
    const list = perSite.get(stream);
    if (list) list.push(event);
    else perSite.set(stream, [event]);
  }
  await Promise.all([...perSite].map(([stream, list]) => events.append(stream, list, 'no_stream')));
  perSite.clear();
  (globalThis as { gc?: () => void }).gc?.();
  const rssAfterLoadMiB = process.memoryUsage().rss / 2 ** 20;
  const handler = new SearchAuditHandler(
    store,
    events,
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
  await events.close();
  return { medianMs: median(times), maxMs: Math.max(...times), perActor: total, rssAfterLoadMiB };
}

function entry(i: number, actors: number, start: number): AuditEntryDocument {
  const siteId = String(100000 + (i % SITES));
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
    stream: `site-${siteId}`,
    fromRevision: Math.floor(i / SITES),
    eventCount: 1,
    position: String(i).padStart(20, '0'),
  };
}

function recorded(i: number, actors: number, start: number): { stream: string; event: NewEvent } {
  const siteId = String(100000 + (i % SITES));
  const userId = `user${i}@example.com`;
  return {
    stream: `site-${siteId}`,
    event: {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
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
      metadata: {
        actorId: `admin${i % actors}@example.com`,
        occurredAt: new Date(start + i * 1000).toISOString(),
        correlationId: `c${i}`,
        causationId: `c${i}`,
        command: 'AddUser',
        confirmationNumber: `B${String(i).padStart(11, '0')}`,
        hash: 'h',
      },
    },
  };
}
