import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { allProjections, rebuildEmbedded } from '#composition';
import { mintToken } from '#auth/token-minter';
import { SqliteEventStore } from '#event-store';
import { ProjectionRunner } from '#read-store';
import { READ_MODELS_FILE } from '#read-store/read-store.module';
import { SqliteDocumentStore } from '#read-store/sqlite/sqlite-document-store';
import { percentile, tempDir } from './bench-util.js';
import { replayFloor } from './replay-floor.bench.js';
import {
  type PartnerSeed,
  copyEvents,
  readMarker,
  seedPartner,
  seedSitesFast,
  siteIdOf,
  writeMarker,
} from './seed-history.js';

export const SECRET = 'bench-scale-secret-with-enough-entropy-0123456789';
const log = (line: string) => process.stderr.write(`  [scale] ${line}\n`);

export interface History {
  readonly dataDir: string;
  readonly sites: number;
  readonly perSite: number;
  readonly events: number;
  readonly partner: PartnerSeed;
  /** Seconds spent seeding and building the read models (0 when reused). */
  readonly seedSeconds: number;
  readonly buildSeconds: number;
  readonly buildRate?: number;
}

/**
 * A DATA_DIR holding `sites` × `perSite` site events plus a small partner history, and read models
 * built to the head (with their checkpoints), as a running API would have left them. Reused when
 * `dir` already holds the same seed (`--keep DIR`).
 */
export async function prepareHistory(
  dir: string,
  sites: number,
  perSite: number,
  rebuild = false,
  options: { build?: boolean } = {},
): Promise<History> {
  const dataDir = join(dir, 'data');
  const eventsFile = join(dataDir, 'events.sqlite');
  type Seeded = { sites: number; perSite: number; events: number; partner: PartnerSeed };
  let seeded = readMarker<Seeded>(dir, 'seeded.json');
  let seedSeconds = 0;
  if (!seeded || seeded.sites !== sites || seeded.perSite !== perSite || !existsSync(eventsFile)) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const started = performance.now();
    const written = seedSitesFast(eventsFile, sites, perSite, (done) =>
      log(`seeded ${done.toLocaleString('en-US')} events`),
    );
    const partner = await seedPartner(eventsFile);
    seedSeconds = (performance.now() - started) / 1000;
    seeded = { sites, perSite, events: written, partner };
    writeMarker(dir, 'seeded.json', seeded);
    rmSync(join(dir, 'built.json'), { force: true });
    log(`seeded ${written.toLocaleString('en-US')} site events + partner history in ${seedSeconds.toFixed(1)} s`);
  }
  let buildSeconds = 0;
  let buildRate: number | undefined;
  if (options.build !== false && (rebuild || !readMarker(dir, 'built.json'))) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, READ_MODELS_FILE + suffix), { force: true });
    const events = new SqliteEventStore(eventsFile);
    const documents = new SqliteDocumentStore(join(dataDir, READ_MODELS_FILE));
    const runner = new ProjectionRunner(events, documents, allProjections());
    const started = performance.now();
    const replayed = await runner.rebuild(5000);
    buildSeconds = (performance.now() - started) / 1000;
    buildRate = replayed / buildSeconds;
    await documents.close();
    await events.close();
    writeMarker(dir, 'built.json', { replayed, seconds: buildSeconds });
    log(
      `read models built: ${replayed.toLocaleString('en-US')} events in ${buildSeconds.toFixed(1)} s (${Math.round(buildRate)} events/s)`,
    );
  }
  return {
    dataDir,
    sites,
    perSite,
    events: seeded.events,
    partner: seeded.partner,
    seedSeconds,
    buildSeconds,
    buildRate,
  };
}

export interface RunningApi {
  readonly child: ChildProcess;
  readonly base: string;
  /** Process start until /health answered 200 with caughtUp:true. */
  readonly bootMs: number;
  stop(): Promise<void>;
}

/** Starts `node dist/apps/api/src/main.js` against `dataDir` and waits until /health says caughtUp:true. */
export async function startApi(dataDir: string, env: Record<string, string> = {}): Promise<RunningApi> {
  const port = await freePort();
  const main = resolve('dist/apps/api/src/main.js');
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${base}/health`);
      const body = (await response.json()) as { projections?: { caughtUp?: boolean } };
      if (response.status === 200 && body.projections?.caughtUp === true) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 600_000) throw new Error('the API did not catch up within 10 minutes');
    await new Promise((r) => setTimeout(r, 5));
  }
  const bootMs = performance.now() - started;
  return {
    child,
    base,
    bootMs,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export const QUERY_KINDS = [
  'site users page',
  'user access',
  'audit by actor',
  'confirmation',
  'me/sites',
  'location employees',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
export type Latencies = Record<QueryKind, number[]> & { slow?: { kind: QueryKind; ms: number; at: number }[] };

/**
 * `rounds` rounds of the product's main queries over HTTP, each round one of every kind on a site
 * picked at random, with tokens minted as the API's identity provider would.
 */
export async function runQueries(api: RunningApi, history: History, rounds: number): Promise<Latencies> {
  const tokens = new Map<string, string>();
  const token = async (sub: string, roles: ('auditor' | 'operator')[] = []) => {
    const key = `${sub}|${roles.join(',')}`;
    let value = tokens.get(key);
    if (!value) tokens.set(key, (value = await mintToken(SECRET, { sub, roles })));
    return value;
  };
  const confirmations = sampleConfirmations(join(history.dataDir, 'events.sqlite'), 200);
  const users = Math.max(1, Math.floor(history.perSite / 4) - 2);
  const { enterpriseId, locationId, prcUserId } = history.partner;
  const latencies = Object.fromEntries(QUERY_KINDS.map((k) => [k, []])) as unknown as Latencies;
  const get = async (kind: QueryKind | undefined, path: string, bearer: string) => {
    const started = performance.now();
    const response = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
    if (kind) latencies[kind].push(ms);
    if (kind && ms > 50) (latencies.slow ??= []).push({ kind, ms, at: (started - first) / 1000 });
  };
  const auditor = await token('audrey@example.com', ['auditor']);
  const first = performance.now();
  let seed = 12345;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let round = -5; round < rounds; round++) {
    const site = siteIdOf(random(history.sites));
    const primary = `primary@${site}.example`;
    const user = `user${1 + random(users)}@${site}.example`;
    const kind = (k: QueryKind) => (round < 0 ? undefined : k); // the first rounds warm up
    await get(kind('site users page'), `/v1/sites/${site}/users?limit=50`, await token(primary));
    await get(kind('user access'), `/v1/sites/${site}/users/${encodeURIComponent(user)}/access`, await token(primary));
    await get(kind('audit by actor'), `/v1/audit?actorId=${encodeURIComponent(primary)}&limit=50`, auditor);
    await get(kind('confirmation'), `/v1/confirmations/${confirmations[random(confirmations.length)]}`, auditor);
    await get(kind('me/sites'), `/v1/me/sites`, await token(user));
    await get(
      kind('location employees'),
      `/v1/enterprises/${enterpriseId}/locations/${locationId}/employees?limit=50`,
      await token(prcUserId),
    );
  }
  return latencies;
}

function sampleConfirmations(file: string, count: number): string[] {
  const db = new Database(file, { readonly: true });
  const max = (db.prepare('SELECT max(position) AS n FROM events').get() as { n: number }).n;
  const select = db.prepare(
    `SELECT json_extract(metadata, '$.confirmationNumber') AS c FROM events WHERE position = ?`,
  );
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    const row = select.get(Math.max(1, Math.floor((max * i) / (count + 1)))) as { c: string | null } | undefined;
    if (row?.c) out.push(row.c);
  }
  db.close();
  return out;
}

/** Requests over 50 ms: how many, and at which seconds of the run (clustered stalls point at the machine or the process, not a query). */
export function slowRequests(latencies: Latencies): string {
  const slow = latencies.slow ?? [];
  if (slow.length === 0) return 'none over 50 ms';
  const seconds = [...new Set(slow.map((s) => Math.floor(s.at)))];
  return `${slow.length} over 50 ms (max ${Math.round(Math.max(...slow.map((s) => s.ms)))} ms), at second(s) ${seconds.slice(0, 12).join(', ')}${seconds.length > 12 ? ', …' : ''} of the run`;
}

export function summarize(latencies: Latencies): Record<QueryKind, { p50: number; p99: number; n: number }> {
  return Object.fromEntries(
    QUERY_KINDS.map((k) => [
      k,
      { p50: percentile(latencies[k], 50), p99: percentile(latencies[k], 99), n: latencies[k].length },
    ]),
  ) as Record<QueryKind, { p50: number; p99: number; n: number }>;
}

/**
 * (iii) Replay of the first `count` events of the seed into a fresh read-store file, all
 * projections, as `npm run rebuild` does with `threads` threads (REBUILD_THREADS).
 */
export async function replayFromSeed(eventsFile: string, count: number, threads: number, withFloor = false) {
  const { dir, cleanup } = tempDir('bench-scale-replay-');
  try {
    const file = join(dir, 'events.sqlite');
    copyEvents(eventsFile, file, count);
    const target = join(dir, `${READ_MODELS_FILE}.rebuilding`);
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    const { replayed } = await rebuildEmbedded({ events: { file }, target, threads });
    const seconds = (performance.now() - started) / 1000;
    (globalThis as { gc?: () => void }).gc?.();
    const floor = withFloor ? replayFloor(file, count, target, join(dir, 'floor.sqlite')) : undefined;
    return { replayed, seconds, rate: replayed / seconds, threads, floor };
  } finally {
    cleanup();
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
