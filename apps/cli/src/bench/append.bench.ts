import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '#event-store';
import { SQLITE_PRAGMAS, SQLITE_SCHEMA } from '#event-store/sqlite/sqlite-schema';
import { median, sampleEvent, tempDir } from './bench-util.js';

/** (a) Durable single-event appends through the port vs a raw better-sqlite3 loop doing the same inserts. */
export async function benchAppend(count: number, rounds = 3) {
  const port: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < rounds; round++) {
    raw.push(rawLoop(count));
    port.push(await portLoop(count));
  }
  const portRate = median(port);
  const rawRate = median(raw);
  return { portRate, rawRate, ratio: portRate / rawRate };
}

async function portLoop(count: number): Promise<number> {
  const { dir, cleanup } = tempDir('bench-port-');
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const events = Array.from({ length: count }, (_, i) => sampleEvent(i));
  const started = performance.now();
  for (let i = 0; i < count; i++) await store.append(`site-${i % 50}`, [events[i]!], 'any');
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  cleanup();
  return count / seconds;
}

function rawLoop(count: number): number {
  const { dir, cleanup } = tempDir('bench-raw-');
  const db = new Database(join(dir, 'events.sqlite'));
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  db.exec(SQLITE_SCHEMA);
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream, revision, type, data, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Map<string, number>();
  const events = Array.from({ length: count }, (_, i) => sampleEvent(i));
  const appendOne = db.transaction((i: number) => {
    const stream = `site-${i % 50}`;
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    const e = events[i]!;
    insert.run(
      e.id,
      stream,
      revision,
      e.type,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
      e.metadata.occurredAt,
    );
  });
  const started = performance.now();
  for (let i = 0; i < count; i++) appendOne.immediate(i);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  cleanup();
  return count / seconds;
}

/**
 * Durable single-event appends through the port from `writers` concurrent callers (as many HTTP
 * requests would append), over 50 streams: group commit lets them share transactions and fsyncs.
 */
export async function benchConcurrentAppend(
  count: number,
  writers: number,
): Promise<{ rate: number; meanGroup: number }> {
  const { dir, cleanup } = tempDir('bench-group-');
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const events = Array.from({ length: count }, (_, i) => sampleEvent(i));
  let next = 0;
  const writer = async () => {
    for (let i = next++; i < count; i = next++) await store.append(`site-${i % 50}`, [events[i]!], 'any');
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: writers }, writer));
  const seconds = (performance.now() - started) / 1000;
  const stats = store.groupCommitStats();
  await store.close();
  cleanup();
  return { rate: count / seconds, meanGroup: stats.appends / stats.transactions };
}
