import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { mintToken } from '#auth/token-minter';
import { HTTP_ADAPTERS, type HttpAdapterKind } from '#core';
import { benchAppend, benchConcurrentAppend } from './append.bench.js';
import { fmt, tempDir } from './bench-util.js';
import { type RunningApi, SECRET, startApi } from './scale.bench.js';

/**
 * `npm run bench -- --http [--seconds N] [--connections N] [--adapters]`: the built API (dist/, a child
 * process on a temp DATA_DIR, embedded stores) driven by autocannon, one route at a time, and in the
 * same run the raw durable single-append rate of (a); printed next to the targets of issue 14.
 * `--adapters` runs every route on Express, then on Fastify (HTTP_ADAPTER), each on a fresh
 * DATA_DIR with the same seed, and prints the Fastify / Express ratio per route.
 */
export async function benchHttp(argv: readonly string[], out: (line: string) => void): Promise<void> {
  const option = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const value = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
    return value;
  };
  const seconds = option('--seconds', argv.includes('--quick') ? 3 : 8);
  const connections = option('--connections', 16);
  const adapters: readonly (HttpAdapterKind | undefined)[] = argv.includes('--adapters') ? HTTP_ADAPTERS : [undefined];
  out(
    `http bench on node ${process.version}: autocannon, ${connections} connections, ${seconds} s per route, built API on a temp DATA_DIR (embedded stores)`,
  );

  const appends = await benchAppend(argv.includes('--quick') ? 300 : 2000);
  const raw = appends.rawRate;
  const grouped = await benchConcurrentAppend(argv.includes('--quick') ? 600 : 4000, connections);
  out(
    `    raw durable single appends: raw better-sqlite3 ${fmt(raw, 0)}/s, through the port ${fmt(appends.portRate, 0)}/s one at a time, ` +
      `${fmt(grouped.rate, 0)}/s from ${connections} concurrent writers (group commit: ${fmt(grouped.meanGroup, 1)} appends per transaction on average)`,
  );

  const runs: { adapter: string; routes: Routes }[] = [];
  for (const adapter of adapters) {
    const routes = await measureRoutes(adapter, seconds, connections);
    const name = adapter ?? 'default adapter';
    if (adapters.length > 1) out(`on ${name}:`);
    printRoutes(routes, raw, connections, out);
    runs.push({ adapter: name, routes });
  }
  const [express, fastify] = runs;
  if (express && fastify) {
    out(`${fastify.adapter} / ${express.adapter}, req/s of this run per route (p99 in ms):`);
    const list = (r: Routes) => [r.health, ...r.queries, r.spread, r.oneSite];
    const pairs = list(express.routes).map((e, i) => [e, list(fastify.routes)[i]!] as const);
    for (const [e, f] of pairs)
      out(`    ${e.title.padEnd(52)} ${fmt(f.rps / e.rps).padStart(5)} ×  (p99 ${fmt(e.p99, 1)} → ${fmt(f.p99, 1)})`);
  }
  out(
    `    (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores: other work on the machine skews every figure)`,
  );
}

interface Routes {
  readonly health: Measured;
  readonly queries: readonly Measured[];
  readonly spread: Measured;
  readonly oneSite: Measured;
  readonly sites: number;
}

/** Every route of the bench, in order, against a fresh API on `adapter` (undefined: the app's default). */
async function measureRoutes(
  adapter: HttpAdapterKind | undefined,
  seconds: number,
  connections: number,
): Promise<Routes> {
  const data = tempDir('bench-http-');
  const api = await startApi(data.dir, adapter ? { HTTP_ADAPTER: adapter } : {});
  try {
    const fixture = await seed(api);
    const load = (title: string, options: Omit<autocannon.Options, 'url' | 'connections' | 'duration'>) =>
      measure(api, title, { ...options, connections, duration: seconds });
    const get = (path: string, token: string): Omit<autocannon.Options, 'url' | 'connections' | 'duration'> => ({
      requests: [{ method: 'GET', path, headers: { authorization: `Bearer ${token}` } }],
    });

    const health = await load('GET /health', { requests: [{ method: 'GET', path: '/health' }] });
    const site = fixture.sites[0]!;
    const queries = [
      await load(
        `GET /v1/sites/{s}/users (${USERS_ON_PAGE} users)`,
        get(`/v1/sites/${site.id}/users?limit=50`, site.token),
      ),
      await load(
        'GET /v1/audit?actorId= (audit by actor)',
        get(`/v1/audit?actorId=${encodeURIComponent(site.primary)}&limit=50`, fixture.auditor),
      ),
      await load('GET /v1/sites/{s}', get(`/v1/sites/${site.id}`, site.token)),
    ];
    let added = 0;
    const addUser = (pick: () => Site) => ({
      requests: [
        {
          method: 'POST' as const,
          setupRequest: (request: autocannon.Request) => {
            const target = pick();
            const userId = `load${(added += 1)}@bench.example`;
            return {
              ...request,
              path: `/v1/sites/${target.id}/users`,
              headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                userId,
                firstName: 'Load',
                lastName: `User ${added}`,
                email: userId,
                role: 'user',
              }),
            };
          },
        },
      ],
    });
    let next = 0;
    const spread = await load(
      `POST /v1/sites/{s}/users over ${fixture.sites.length} sites`,
      addUser(() => fixture.sites[(next += 1) % fixture.sites.length]!),
    );
    const oneSite = await load(
      'POST /v1/sites/{s}/users on one site',
      addUser(() => fixture.sites[1]!),
    );
    return { health, queries, spread, oneSite, sites: fixture.sites.length };
  } finally {
    await api.stop();
    data.cleanup();
  }
}

function printRoutes(routes: Routes, raw: number, connections: number, out: (line: string) => void): void {
  const { health, queries, spread, oneSite } = routes;
  const all = [health, ...queries, spread, oneSite];
  for (const r of all) out(line(r));
  out('targets (issue 14, ratios of this run):');
  for (const q of queries)
    out(`    ${q.title}: ${fmt(q.rps / health.rps)} × /health (target >= 0.5) ${mark(q.rps / health.rps >= 0.5)}`);
  out(
    `    add-user over ${routes.sites} sites: ${fmt(spread.rps / raw)} × raw durable single appends (target >= 1.5) ${mark(spread.rps / raw >= 1.5)}`,
  );
  out(
    `    add-user on one site: ${fmt(oneSite.rps / raw)} × raw durable single appends (target >= 0.5) ${mark(oneSite.rps / raw >= 0.5)}`,
  );
  const worst = all.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  out(
    `    p99 at ${connections} connections: worst ${fmt(worst.p99, 1)} ms (${worst.title}; target <= 50) ${mark(worst.p99 <= 50)}`,
  );
  const errors = all.reduce((sum, r) => sum + r.errors, 0);
  out(`    errors (connection errors, timeouts and non-2xx answers): ${errors} (target 0) ${mark(errors === 0)}`);
}

const SITES = 50;
const USERS_ON_PAGE = 20;

interface Site {
  readonly id: string;
  readonly primary: string;
  readonly token: string;
}

interface Measured {
  readonly title: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly statuses: string;
}

const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function line(r: Measured): string {
  return `${r.title.padEnd(52)} ${fmt(r.rps, 0).padStart(7)} req/s  p50 ${fmt(r.p50, 1).padStart(5)} ms  p99 ${fmt(r.p99, 1).padStart(5)} ms  errors ${r.errors}${r.errors > 0 ? ` (${r.statuses})` : ''}`;
}

async function measure(
  api: RunningApi,
  title: string,
  options: autocannon.Options | Omit<autocannon.Options, 'url'>,
): Promise<Measured> {
  const result = await autocannon({ ...options, url: api.base });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .map(([code, stat]) => `${code}: ${stat.count ?? 0}`)
    .join(', ');
  return {
    title,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
  };
}

/** Fifty sites registered by an operator, the first with a page of users, over HTTP as a client would. */
async function seed(api: RunningApi): Promise<{ sites: Site[]; auditor: string }> {
  const operator = await mintToken(SECRET, { sub: 'op@bench.example', roles: ['operator'] });
  const auditor = await mintToken(SECRET, { sub: 'audrey@bench.example', roles: ['auditor'] });
  const post = async (path: string, token: string, body: unknown) => {
    const response = await fetch(`${api.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  };
  const contact = (userId: string) => ({
    userId,
    firstName: 'Pat',
    lastName: 'Primary',
    email: userId,
    telephone: '1',
    address: 'a',
    city: 'c',
    postalCode: '1',
  });
  const sites: Site[] = [];
  for (let i = 0; i < SITES; i++) {
    const id = String(7_000_000 + i);
    const primary = `primary@${id}.bench.example`;
    await post('/v1/sites', operator, { siteId: id, name: `Bench site ${i}`, primaryContact: contact(primary) });
    sites.push({ id, primary, token: await mintToken(SECRET, { sub: primary }) });
  }
  const first = sites[0]!;
  for (let u = 0; u < USERS_ON_PAGE - 1; u++) {
    const userId = `member${u}@bench.example`;
    await post(`/v1/sites/${first.id}/users`, first.token, {
      userId,
      firstName: 'Mem',
      lastName: `Ber ${u}`,
      email: userId,
      role: 'user',
    });
  }
  // Let the projections catch up with the seed before measuring queries.
  for (;;) {
    const health = (await (await fetch(`${api.base}/health`)).json()) as { projections?: { caughtUp?: boolean } };
    if (health.projections?.caughtUp === true) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { sites, auditor };
}
