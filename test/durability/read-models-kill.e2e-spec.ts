import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyCommand } from '#cli/commands/verify.command';
import { allProjections } from '#composition';
import { mintToken } from '#auth';
import Database from 'better-sqlite3';
import { loadConfig, randomIds } from '#core';
import { CommandPipeline, SqliteEventStore } from '#event-store';
import { siteDecider } from '#site-access/domain/site.decider';
import { siteSnapshot } from '#site-access/domain/site.snapshot';
import { siteStream } from '#site-access/domain/site.streams';
import { READ_MODELS_FILE } from '#read-store';
import {
  type Checkpoints,
  Child,
  describeCheckpoints,
  freePort,
  killAll,
  log,
  lowestPosition,
  readCheckpoints,
  seedEvents,
  seededRandom,
  sha256,
  short,
  sleep,
  startNode,
  waitForHealth,
} from './kill-harness.js';

/**
 * Durability of the embedded read models under SIGKILL, with the built product (dist/) in child
 * processes: killed during the API's boot catch-up, during `rebuild`, and while it projects new
 * commands. After every crash the read models must equal a fresh rebuild from the log
 * (`verifyCommand`), and the work committed before a kill must be kept (checkpoints never move
 * back, a restart resumes from them).
 *
 * KILL_SEED=<n> replays a run's kill points; KILL_EVENTS=<n> sizes the seeded history.
 */

const ROOT = resolve(process.cwd());
const EVENTS = Number(process.env.KILL_EVENTS ?? 30_000);
const SEED = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILL_ROUNDS = 3;
const SECRET = 'kill-test-secret-kill-test-secret-0123456789';
const PROJECTIONS = allProjections().map((p) => p.name);
const CATCH_UP_MARKER = /projections running from (.+?) towards (.+?) \(\d+ ms to start\)/;

const random = seededRandom(SEED);
/** A uniformly random whole number of milliseconds in [min, max]. */
const between = (min: number, max: number) => Math.round(min + random() * (max - min));

let dataDir: string;
let liveFile: string;

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing of the test runner's or the developer's setup leaks in: embedded stores in our DATA_DIR only.
  for (const key of [
    'NODE_OPTIONS',
    'MONGODB_URL',
    'EVENTSTORE_URL',
    'PROJECTOR',
    'PORT',
    'HOST',
    'DATA_DIR',
    'LOG_FORMAT',
  ])
    delete env[key];
  return { ...env, DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'error', LOG_FORMAT: 'text', ...extra };
}

interface Api {
  readonly child: Child;
  readonly port: number;
}

/**
 * `node dist/apps/api/src/main.js` on a free port. LOG_LEVEL=info only so that the Projector's
 * start line ("projections running from X towards Y") marks the moment catch-up begins.
 */
async function startApi(label: string, extra: Record<string, string> = {}): Promise<Api> {
  const port = await freePort();
  const child = startNode(
    label,
    ROOT,
    ['dist/apps/api/src/main.js'],
    childEnv({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extra }),
  );
  return { child, port };
}

/** Where the runner says it resumes from: the position, or undefined for "the beginning". */
async function catchUpStart(api: Api): Promise<{ from?: string; towards: string; at: number }> {
  const match = await api.child.waitForOutput(CATCH_UP_MARKER, 30_000);
  return { from: match[1] === 'the beginning' ? undefined : match[1], towards: match[2]!, at: Date.now() };
}

async function stopGracefully(api: Api): Promise<void> {
  const status = await api.child.kill('SIGTERM');
  // Nest's shutdown hook closes the stores, then re-raises the signal: SIGTERM (or a clean 0).
  if (!(status.signal === 'SIGTERM' || status.code === 0)) {
    throw new Error(
      `${api.child.label} did not stop cleanly on SIGTERM (${api.child.describeExit()}); output:\n${api.child.tail()}`,
    );
  }
}

async function verifyOk(when: string): Promise<void> {
  const started = Date.now();
  const { ok, report } = await verifyCommand(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' }));
  log(`verify ${when}: ${ok ? 'OK' : 'NOT OK'} in ${Date.now() - started} ms\n${report.replace(/^/gm, '         ')}`);
  if (!ok) throw new Error(`verify ${when} failed (KILL_SEED=${SEED}):\n${report}`);
}

/** Every projection's checkpoint is still there and at or after where it was: committed work is never lost. */
function expectNeverBack(before: Checkpoints, after: Checkpoints, when: string): void {
  for (const [name, earlier] of before) {
    const later = after.get(name);
    if (!later || later.position < earlier.position || later.version !== earlier.version) {
      throw new Error(
        `checkpoint of ${name} went back ${when}: ${earlier.position} v${earlier.version} → ${later ? `${later.position} v${later.version}` : 'gone'} (KILL_SEED=${SEED})`,
      );
    }
  }
}

/**
 * Every site snapshot left in the events file (some written just before a SIGKILL) covers only
 * committed events (the event at its revision carries its hash), and state restored from it plus
 * the tail equals the full fold of the stream. Answers how many were checked.
 */
async function expectSnapshotsMatchTheFold(): Promise<number> {
  const file = join(dataDir, 'events.sqlite');
  const db = new Database(file);
  const streams = (db.prepare('SELECT stream FROM snapshots').pluck().all() as string[]).filter((s) =>
    s.startsWith(`${siteStream.category}-`),
  );
  db.close();
  const events = new SqliteEventStore(file);
  try {
    for (const stream of streams) {
      const snapshot = (await events.snapshots.load(stream))!;
      const [covered] = await events.readStream(stream, { fromRevision: snapshot.revision });
      expect({ stream, hash: covered?.metadata.hash }).toEqual({ stream, hash: snapshot.lastHash });
      const restored = await new CommandPipeline(events).load(stream, siteDecider);
      const folded = await new CommandPipeline(events, randomIds, { snapshots: false }).load(stream, siteDecider);
      expect({ ...restored, state: siteSnapshot.toJson(restored.state), snapshotRevision: undefined }).toEqual({
        ...folded,
        state: siteSnapshot.toJson(folded.state),
        snapshotRevision: undefined,
      });
    }
  } finally {
    await events.close();
  }
  return streams.length;
}

const rebuildingFiles = () => readdirSync(dataDir).filter((f) => f.includes('.rebuilding'));

beforeAll(async () => {
  log(`seed ${SEED} (rerun with KILL_SEED=${SEED}), ${EVENTS} events`);
  let started = Date.now();
  const build = startNode(
    'tsc',
    ROOT,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--incremental'],
    childEnv(),
  );
  const built = await build.exited;
  if (built.code !== 0)
    throw new Error(`tsc -p tsconfig.build.json failed (${build.describeExit()}):\n${build.tail(8000)}`);
  log(`built dist/ in ${Date.now() - started} ms`);

  dataDir = mkdtempSync(join(tmpdir(), 'kill-'));
  liveFile = join(dataDir, READ_MODELS_FILE);
  started = Date.now();
  await seedEvents(dataDir, EVENTS);
  log(`seeded ${EVENTS} events of realistic site histories into ${dataDir} in ${Date.now() - started} ms`);
}, 180_000);

afterAll(async () => {
  const leftovers = await killAll();
  if (leftovers.length > 0) log(`killed leftover children: ${leftovers.join(', ')}`);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('read models survive SIGKILL (built product in child processes)', () => {
  it('API killed at random points of its boot catch-up keeps committed batches, resumes from them, and ends exactly-once', async () => {
    expect(existsSync(liveFile)).toBe(false);
    let previous: Checkpoints = new Map();
    let killedWithProgress = 0; // kills after which the checkpoints were past the start and short of the head
    let round = 0;

    const killRound = async (delayFrom: 'random' | 'after-progress') => {
      round += 1;
      const api = await startApi(`api#${round}`);
      const start = await catchUpStart(api);
      // A restart resumes from its checkpoints, not from zero.
      expect(start.from).toBe(lowestPosition(previous, PROJECTIONS));
      let delay: number;
      if (delayFrom === 'random') {
        // Within roughly the time the remaining catch-up takes on an idle machine (~0.1 ms an event), so most kills land mid-way.
        const remaining = Number(short(start.towards)) - Number(start.from ? short(start.from) : 0);
        delay = between(50, Math.max(300, 0.1 * remaining));
        await sleep(delay);
      } else {
        // Wait until this run has committed a batch, then kill at a random point soon after.
        const before = lowestPosition(previous, PROJECTIONS) ?? '';
        const deadline = Date.now() + 60_000;
        while ((lowestPosition(readCheckpoints(liveFile), PROJECTIONS) ?? '') <= before) {
          if (!api.child.alive || Date.now() > deadline)
            throw new Error(`${api.child.label} made no progress (${api.child.describeExit()}):\n${api.child.tail()}`);
          await sleep(20);
        }
        delay = Date.now() - start.at + between(0, 500);
        await sleep(Math.max(0, delay - (Date.now() - start.at)));
      }
      const status = await api.child.kill('SIGKILL');
      if (status.signal !== 'SIGKILL')
        throw new Error(`${api.child.label} had already exited (${api.child.describeExit()}):\n${api.child.tail()}`);
      const now = readCheckpoints(liveFile);
      expectNeverBack(previous, now, `across the SIGKILL of ${api.child.label}`);
      const lowest = lowestPosition(now, PROJECTIONS);
      const progressed =
        lowest !== undefined && lowest !== lowestPosition(previous, PROJECTIONS) && lowest < start.towards;
      if (progressed) killedWithProgress += 1;
      log(
        `round ${round}: resumed from ${short(start.from)} towards ${short(start.towards)}, SIGKILL ${delay} ms into catch-up (${delayFrom}) → ` +
          `checkpoints ${describeCheckpoints(now)}${lowest === start.towards ? ' (already caught up)' : ''}`,
      );
      previous = now;
      return lowest === start.towards;
    };

    // KILL_ROUNDS kills; the first waits for a committed batch (so progress is always left behind, however fast
    // this machine is), the others land at random points.
    for (let i = 1; i <= KILL_ROUNDS; i++) {
      if (await killRound(i === 1 ? 'after-progress' : 'random')) break;
    }
    // The test would catch "everything restarts from zero": a killed run left committed batches behind.
    expect(killedWithProgress).toBeGreaterThan(0);
    expect(previous.size).toBe(PROJECTIONS.length);

    const api = await startApi(`api#${round + 1} (final)`);
    const start = await catchUpStart(api);
    expect(start.from).toBe(lowestPosition(previous, PROJECTIONS));
    const first = await waitForHealth(api.child, api.port, () => true, 60_000);
    const firstAt = Date.now() - start.at;
    const done = await waitForHealth(api.child, api.port, (h) => h.projections.caughtUp, 60_000);
    log(
      `final run: resumed from ${short(start.from)}, caught up to ${short(done.projections.position)} ${Date.now() - start.at} ms later ` +
        `(first /health answer ${firstAt} ms into catch-up, at ${short(first.projections.position)}, caughtUp ${first.projections.caughtUp}); SIGTERM`,
    );
    expect(done.projections.head).toBe(done.projections.position);
    // The API serves while it catches up (batches yield to HTTP): with thousands of events left, the
    // first answer comes before the read models reach the head.
    const remaining = Number(short(start.towards)) - Number(start.from ? short(start.from) : 0);
    if (remaining >= 10_000) expect(first.projections.caughtUp).toBe(false);
    await stopGracefully(api);
    expectNeverBack(previous, readCheckpoints(liveFile), 'across the final run');

    await verifyOk('after the killed catch-ups');
  }, 180_000);

  it('a rebuild killed half-way leaves the live read models untouched; a full rebuild then swaps in whole', async () => {
    let beforeHash = sha256(liveFile);
    let beforeInode = statSync(liveFile).ino;
    let beforeCheckpoints = readCheckpoints(liveFile);
    expect(lowestPosition(beforeCheckpoints, PROJECTIONS)).toBeDefined();

    let killed: Child | undefined;
    // A rebuild replays ~7,000 events/s here when idle: kill within the first ~third of that.
    for (let attempt = 1, maxDelay = 0.05 * EVENTS; !killed; attempt++, maxDelay /= 2) {
      const rebuild = startNode(`rebuild#${attempt}`, ROOT, ['dist/apps/cli/src/main.js', 'rebuild'], childEnv());
      // Mid-way: once the new file exists (the old one is never opened), at a random point after.
      const deadline = Date.now() + 30_000;
      while (!existsSync(`${liveFile}.rebuilding`) && rebuild.alive && Date.now() < deadline) await sleep(10);
      const delay = between(0, maxDelay);
      await sleep(delay);
      const status = await rebuild.kill('SIGKILL');
      const leftover = rebuildingFiles().map((f) => `${f} ${statSync(join(dataDir, f)).size} bytes`);
      if (status.signal === 'SIGKILL') {
        log(
          `rebuild#${attempt}: SIGKILL ${delay} ms after ${READ_MODELS_FILE}.rebuilding appeared; left behind: ${leftover.join(', ') || 'nothing'}`,
        );
        killed = rebuild;
      } else {
        // It finished (or failed) first: too fast for this delay; a failure is a failure.
        if (status.code !== 0)
          throw new Error(`rebuild exited with ${rebuild.describeExit()} before the kill:\n${rebuild.tail()}`);
        if (attempt >= 4) throw new Error(`rebuild always finished before the kill (last delay ${delay} ms)`);
        log(`rebuild#${attempt} finished before its SIGKILL at ${delay} ms; retrying with a shorter delay`);
        // It swapped in a complete file: that one is now the live file the next kill must leave alone.
        [beforeHash, beforeInode, beforeCheckpoints] = [
          sha256(liveFile),
          statSync(liveFile).ino,
          readCheckpoints(liveFile),
        ];
      }
    }

    // The live file was never touched: same bytes, same checkpoints, and it still verifies.
    expect(sha256(liveFile)).toBe(beforeHash);
    expect(statSync(liveFile).ino).toBe(beforeInode);
    expect(readCheckpoints(liveFile)).toEqual(beforeCheckpoints);
    await verifyOk('after the killed rebuild');

    const started = Date.now();
    const rebuild = startNode('rebuild (to completion)', ROOT, ['dist/apps/cli/src/main.js', 'rebuild'], childEnv());
    const status = await rebuild.exited;
    if (status.code !== 0) throw new Error(`rebuild failed (${rebuild.describeExit()}):\n${rebuild.tail()}`);
    expect(rebuild.text()).toMatch(new RegExp(`rebuilt ${PROJECTIONS.length} read models from ${EVENTS} events`));
    log(`full rebuild: exit 0 in ${Date.now() - started} ms: ${rebuild.text().trim()}`);
    expect(rebuildingFiles()).toEqual([]);
    expect(statSync(liveFile).ino).not.toBe(beforeInode); // swapped in whole: another file under the same name
    const after = readCheckpoints(liveFile);
    expect([...after.keys()].sort()).toEqual([...PROJECTIONS].sort());
    expect(lowestPosition(after, PROJECTIONS)).toBe(lowestPosition(beforeCheckpoints, PROJECTIONS));
    await verifyOk('after the full rebuild');
  }, 180_000);

  it('API killed while projecting a stream of new HTTP commands: acknowledged commands survive, read models verify', async () => {
    const operator = `Bearer ${await mintToken(SECRET, { sub: 'op@example.com', roles: ['operator'] })}`;
    const primary = `Bearer ${await mintToken(SECRET, { sub: 'pat@example.com' })}`;
    const contact = { telephone: '+49 89 1234', address: 'Main Street 1', city: 'Munich', postalCode: '80331' };
    const before = readCheckpoints(liveFile);

    // A snapshot every 2 events: sites of 5 events get snapshots at revisions 1 and 3, some written just before the kill.
    const api = await startApi('api (commands)', { SNAPSHOT_EVERY: '2' });
    await catchUpStart(api);
    await waitForHealth(api.child, api.port, (h) => h.projections.caughtUp, 60_000);

    const base = `http://127.0.0.1:${api.port}`;
    const post = async (path: string, auth: string, body: unknown) => {
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      const json = (await res.json().catch(() => ({}))) as { position?: string; code?: string };
      if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    const acknowledged = { sites: [] as string[], users: 0, lastPosition: '' };
    let sent = 0;
    let stopping = false;
    let firstAck!: () => void;
    const firstAcknowledged = new Promise<void>((r) => (firstAck = r));
    const worker = async (w: number) => {
      for (let site = 0; !stopping; site++) {
        const siteId = String(900000 + w * 10000 + site);
        try {
          sent += 1;
          const registered = await post('/v1/sites', operator, {
            siteId,
            name: `Site ${siteId}`,
            primaryContact: {
              userId: 'pat@example.com',
              firstName: 'Pat',
              lastName: 'Primary',
              email: 'pat@example.com',
              ...contact,
            },
          });
          acknowledged.sites.push(siteId);
          if (registered.position! > acknowledged.lastPosition) acknowledged.lastPosition = registered.position!;
          firstAck();
          for (let u = 0; u < 4 && !stopping; u++) {
            const userId = `u${u}.${siteId}@example.com`;
            sent += 1;
            const added = await post(`/v1/sites/${siteId}/users`, primary, {
              userId,
              firstName: 'Uma',
              lastName: `User ${u}`,
              email: userId,
              role: 'user',
              privileges: { softwareAccess: 'downloads' },
            });
            acknowledged.users += 1;
            if (added.position! > acknowledged.lastPosition) acknowledged.lastPosition = added.position!;
          }
        } catch (error) {
          if (!stopping) throw error; // a refused command before the kill is a real failure
          return;
        }
      }
    };
    const workers = [0, 1, 2].map(worker);
    await Promise.race([firstAcknowledged, Promise.all(workers)]);
    const delay = between(300, 2000);
    await sleep(delay);
    stopping = true;
    const inFlight = sent - acknowledged.sites.length - acknowledged.users;
    const status = await api.child.kill('SIGKILL');
    expect(status.signal).toBe('SIGKILL');
    await Promise.all(workers);
    const killedAt = readCheckpoints(liveFile);
    expectNeverBack(before, killedAt, 'across the SIGKILL under load');
    log(
      `commands: SIGKILL ${delay} ms into the stream; ${sent} sent, ${acknowledged.sites.length} sites + ${acknowledged.users} users acknowledged ` +
        `up to position ${short(acknowledged.lastPosition)}, ${inFlight} in flight at the kill; checkpoints after the kill: ${describeCheckpoints(killedAt)}`,
    );

    const again = await startApi('api (after the kill under load)');
    const start = await catchUpStart(again);
    expect(start.from).toBe(lowestPosition(killedAt, PROJECTIONS));
    const done = await waitForHealth(again.child, again.port, (h) => h.projections.caughtUp, 60_000);
    // Every acknowledged command is in the log and in the read models.
    expect(done.projections.head! >= acknowledged.lastPosition).toBe(true);
    const missing: string[] = [];
    for (const siteId of acknowledged.sites) {
      const res = await fetch(`http://127.0.0.1:${again.port}/v1/sites/${siteId}`, {
        headers: { authorization: operator },
      });
      if (res.status !== 200) missing.push(`${siteId}: ${res.status}`);
    }
    expect(missing).toEqual([]);
    log(
      `restarted: resumed from ${short(start.from)}, caught up to ${short(done.projections.position)}; all ${acknowledged.sites.length} acknowledged sites readable; SIGTERM`,
    );
    await stopGracefully(again);
    const snapshots = await expectSnapshotsMatchTheFold();
    expect(snapshots).toBeGreaterThan(0);
    log(
      `${snapshots} site snapshots after the kill: each covers committed events only and restores the state of the full fold`,
    );
    await verifyOk('after the kill under load');
  }, 180_000);
});
