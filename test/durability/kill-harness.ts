import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seedSite } from '#cli/bench/site-history';
import { SqliteEventStore } from '#event-store';

/**
 * Helpers for the SIGKILL durability suite: real child processes of the built product (dist/),
 * their output kept for failure messages, a seeded PRNG, and read-only peeks at the read-models file.
 */

export const log = (message: string) => process.stdout.write(`[kill] ${message}\n`);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** mulberry32: a small seeded PRNG, so a failing run's kill points can be replayed with KILL_SEED. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const running = new Set<Child>();

/** A child process of the product; every one started is tracked until it has exited. */
export class Child {
  private readonly output: string[] = [];
  private markers: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  status?: ExitStatus;
  readonly exited: Promise<ExitStatus>;
  readonly startedAt = Date.now();

  constructor(
    readonly label: string,
    readonly proc: ChildProcess,
  ) {
    running.add(this);
    const collect = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      const text = this.text();
      this.markers = this.markers.filter((m) => {
        const match = text.match(m.pattern);
        if (match) m.resolve(match);
        return !match;
      });
    };
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    proc.on('error', (error) => this.output.push(`spawn error: ${error.message}\n`));
    this.exited = new Promise((resolve) => {
      proc.on('close', (code, signal) => {
        this.status = { code, signal };
        running.delete(this);
        resolve(this.status);
      });
    });
  }

  get alive(): boolean {
    return this.status === undefined;
  }

  text(): string {
    return this.output.join('');
  }

  /** The last lines it printed (stdout and stderr), for failure messages. */
  tail(chars = 3000): string {
    const text = this.text();
    return text.length > chars ? `…${text.slice(-chars)}` : text || '(no output)';
  }

  describeExit(): string {
    return this.status ? `exit code ${this.status.code}, signal ${this.status.signal}` : 'still running';
  }

  /** Resolves with the first match of `pattern` in its output; rejects if it exits first or after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const already = this.text().match(pattern);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.label}: no ${pattern} within ${timeoutMs} ms; output:\n${this.tail()}`)),
        timeoutMs,
      );
      this.markers.push({ pattern, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      void this.exited.then(() => {
        clearTimeout(timer);
        const match = this.text().match(pattern);
        if (match) resolve(match);
        else
          reject(
            new Error(
              `${this.label} exited (${this.describeExit()}) before printing ${pattern}; output:\n${this.tail()}`,
            ),
          );
      });
    });
  }

  async kill(signal: NodeJS.Signals): Promise<ExitStatus> {
    if (this.alive) this.proc.kill(signal);
    return this.exited;
  }
}

/** Kills (SIGKILL) every child still running and waits for them: no leftovers after the suite. */
export async function killAll(): Promise<string[]> {
  const leftovers = [...running];
  await Promise.all(leftovers.map((child) => child.kill('SIGKILL')));
  return leftovers.map((c) => c.label);
}

// A last resort if Jest itself is torn down first.
process.once('exit', () => {
  for (const child of running) child.proc.kill('SIGKILL');
});

/** Spawns `node <script> ...args` from the repository root. */
export function startNode(label: string, root: string, args: string[], env: NodeJS.ProcessEnv): Child {
  return new Child(label, spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** A port nobody listens on right now (picked by the OS, then released for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Realistic site histories made by the real Site decider (as the benches seed them), `perSite` events a site. */
export async function seedEvents(dataDir: string, count: number, perSite = 1000): Promise<void> {
  const events = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  try {
    for (let site = 0; site * perSite < count; site++) {
      await seedSite(events, String(100000 + site), Math.min(perSite, count - site * perSite), perSite);
    }
  } finally {
    await events.close();
  }
}

export type Checkpoints = Map<string, { position: string; version: number }>;

/** The `_checkpoints` collection of a read-models file, read through a read-only connection (empty if none yet). */
export function readCheckpoints(file: string): Checkpoints {
  if (!existsSync(file)) return new Map();
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_checkpoints'`).get();
    if (!table) return new Map();
    const rows = db
      .prepare(
        `SELECT id, json_extract(doc, '$.position') AS position, json_extract(doc, '$.version') AS version FROM "_checkpoints" ORDER BY id`,
      )
      .all() as { id: string; position: string; version: number | null }[];
    return new Map(rows.map((r) => [r.id, { position: r.position, version: r.version ?? 1 }]));
  } finally {
    db.close();
  }
}

export function lowestPosition(checkpoints: Checkpoints, names: readonly string[]): string | undefined {
  let lowest: string | undefined;
  for (const name of names) {
    const checkpoint = checkpoints.get(name);
    if (!checkpoint) return undefined;
    if (lowest === undefined || checkpoint.position < lowest) lowest = checkpoint.position;
  }
  return lowest;
}

/** `00000000000000012345-00000000000000012345` → `12345`, for readable logs. */
export const short = (position: string | null | undefined) =>
  position ? String(Number(position.split('-')[0])) : 'none';

export function describeCheckpoints(checkpoints: Checkpoints): string {
  if (checkpoints.size === 0) return '(no checkpoints)';
  const positions = new Set([...checkpoints.values()].map((c) => short(c.position)));
  return positions.size === 1
    ? `all ${checkpoints.size} at ${[...positions][0]}`
    : [...checkpoints].map(([n, c]) => `${n}@${short(c.position)}`).join(', ');
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export interface Health {
  readonly status: string;
  readonly projections: {
    position: string | null;
    head: string | null;
    caughtUp: boolean;
    running: boolean;
    error?: string;
  };
}

export async function health(port: number): Promise<Health | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
    return (await res.json()) as Health;
  } catch {
    return undefined;
  }
}

/** Polls /health until `until` holds; fails early, with the child's output, if the child exits. */
export async function waitForHealth(
  child: Child,
  port: number,
  until: (h: Health) => boolean,
  timeoutMs: number,
): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!child.alive)
      throw new Error(
        `${child.label} exited (${child.describeExit()}) while waiting for /health; output:\n${child.tail()}`,
      );
    const h = await health(port);
    if (h && until(h)) return h;
    if (Date.now() > deadline)
      throw new Error(
        `${child.label}: /health did not get there within ${timeoutMs} ms (last: ${JSON.stringify(h)}); output:\n${child.tail()}`,
      );
    await sleep(50);
  }
}
