import { availableParallelism, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fmt, tempDir } from './bench-util.js';
import {
  QUERY_KINDS,
  type History,
  prepareHistory,
  replayFromSeed,
  rssMiB,
  runQueries,
  slowRequests,
  startApi,
  summarize,
} from './scale.bench.js';
import { benchSiteCommand } from './site-command.bench.js';

/**
 * `npm run bench -- --scale [--keep DIR] [--rebuild] [--sites N] [--only-replay]`: the figures at a
 * 1,000,000-event history (1,000 sites × 1,000 events), seeded once and reused by every phase (and,
 * with --keep DIR or BENCH_SCALE_DIR, by later runs; --rebuild forces the read models to be built
 * again). --only-replay seeds (or reuses) the history and prints phase (iii) alone.
 */
export async function benchScale(argv: readonly string[], out: (line: string) => void): Promise<void> {
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sites = Number(option('--sites') ?? 1000);
  const perSite = 1000;
  const keep = option('--keep') ?? process.env.BENCH_SCALE_DIR;
  const big = keep ? { dir: keep, cleanup: () => undefined } : tempDir('bench-scale-');
  const small = tempDir('bench-scale-small-');
  const collect = () => (globalThis as { gc?: () => void }).gc?.();
  try {
    out(
      `scale bench on node ${process.version}: ${fmt(sites * perSite, 0)} site events (${fmt(sites, 0)} sites × ${fmt(perSite, 0)}, real Site decider) in ${big.dir}${keep ? ' (kept)' : ''}`,
    );
    if (argv.includes('--only-replay')) {
      const seeded = await prepareHistory(big.dir, sites, perSite, false, { build: false });
      collect();
      out(await replayLines(join(seeded.dataDir, 'events.sqlite'), Math.min(200_000, seeded.events), collect));
      return;
    }
    const history = await prepareHistory(big.dir, sites, perSite, argv.includes('--rebuild'));
    out(
      `    seed: ${history.seedSeconds ? `${fmt(history.seedSeconds, 1)} s` : 'reused'}; ` +
        `read models ${history.buildSeconds ? `built in ${fmt(history.buildSeconds, 1)} s (${fmt(history.buildRate ?? 0, 0)} events/s over the whole history)` : 'reused'}`,
    );
    const smallHistory = await prepareHistory(small.dir, 1, perSite);

    // (i)/(ii)/(iv) against the big history
    collect();
    const importMs = measureImport();
    const api = await startApi(history.dataDir);
    const bootRss = rssMiB(api.child.pid!);
    let bigLatencies;
    let afterRss = Number.NaN;
    let bigSlow = '';
    try {
      const raw = await runQueries(api, history, 200);
      bigSlow = slowRequests(raw);
      bigLatencies = summarize(raw);
      afterRss = rssMiB(api.child.pid!);
    } finally {
      await api.stop();
    }
    out(
      `(i) API process start → /health 200 caughtUp:true on ${fmt(history.events, 0)} events (read models already built): ${fmt(api.bootMs, 0)} ms (target <= 3,000); ` +
        `of which loading the API's modules alone (a separate \`import('create-app.js')\`, no data touched) takes ${fmt(importMs, 0)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
    );
    out(
      `(ii) API RSS after boot ${fmt(bootRss, 0)} MiB, after ${fmt(QUERY_KINDS.length * 205, 0)} mixed queries ${fmt(afterRss, 0)} MiB (target <= 400)`,
    );

    collect();
    out(await replayLines(join(history.dataDir, 'events.sqlite'), Math.min(200_000, history.events), collect));

    const smallApi = await startApi(smallHistory.dataDir);
    let smallLatencies;
    let smallSlow = '';
    try {
      const raw = await runQueries(smallApi, smallHistory, 200);
      smallSlow = slowRequests(raw);
      smallLatencies = summarize(raw);
    } finally {
      await smallApi.stop();
    }
    out(
      `(iv) HTTP query latency, ${fmt(history.events, 0)}-event history vs ${fmt(smallHistory.events, 0)}-event history (${bigLatencies.confirmation.n} samples each; target: p50 ratio <= 2.0 and every p99 <= 50 ms):`,
    );
    for (const kind of QUERY_KINDS) {
      const b = bigLatencies[kind];
      const s = smallLatencies[kind];
      const ok = b.p50 / s.p50 <= 2 && b.p99 <= 50 ? 'ok' : 'MISSED';
      out(
        `     ${kind.padEnd(20)} p50 ${fmt(b.p50, 2)} ms vs ${fmt(s.p50, 2)} ms → ratio ${fmt(b.p50 / s.p50)}; p99 ${fmt(b.p99, 2)} ms vs ${fmt(s.p99, 2)} ms → ratio ${fmt(b.p99 / s.p99)}  ${ok}`,
      );
    }

    out(`     slow requests: big history ${bigSlow}; small history ${smallSlow}`);
    out(
      `     (machine load average while measuring: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores)`,
    );
    collect();
    const site = await benchSiteCommand(100_000, 30);
    out(
      `(v) first command on a site of 100k events (cold cache, real Site decider, as (c')): no snapshot yet ${fmt(site.coldBigMs, 1)} ms; ` +
        `with snapshot ${fmt(site.coldWithSnapshotMs, 1)} ms, ${fmt(site.eventsBehindSnapshot, 0)} events behind it ${fmt(site.coldBehindSnapshotMs, 1)} ms ` +
        `(target <= 200${site.snapshotWritten ? '' : '; NO SNAPSHOT WAS WRITTEN'}); warm median ${fmt(site.bigMedianMs, 3)} ms`,
    );
  } finally {
    big.cleanup();
    small.cleanup();
  }
}

/** (iii) on one thread (with SQLite's floor for the same work), then on the machine's cores as `npm run rebuild` does by default. */
async function replayLines(eventsFile: string, count: number, collect: () => void): Promise<string> {
  const one = await replayFromSeed(eventsFile, count, 1, true);
  collect();
  const all = await replayFromSeed(eventsFile, count, availableParallelism());
  const rate = (r: typeof one) => `${fmt(r.rate, 0)} events/s (${fmt(r.seconds, 1)} s)`;
  const floor = one.floor!;
  return (
    `(iii) replay of ${fmt(one.replayed, 0)} events (first 200 sites of the seed), all projections, into a fresh read-models.sqlite.rebuilding (as npm run rebuild): ` +
    `${rate(all)} on ${all.threads} threads (the default, REBUILD_THREADS), ${rate(one)} on 1 thread; target >= 50,000\n` +
    `    floor, raw better-sqlite3 on the same data: reading and parsing the ${fmt(floor.events, 0)} events ${fmt(floor.readSeconds, 2)} s + ` +
    `inserting the ${fmt(floor.rows, 0)} rows the rebuild wrote ${fmt(floor.writeSeconds, 2)} s + creating its indexes ${fmt(floor.indexSeconds, 2)} s ` +
    `= ${fmt(floor.seconds, 2)} s (${fmt(floor.rate, 0)} events/s); our 1-thread rebuild ÷ floor: ${fmt(one.seconds / floor.seconds, 2)}`
  );
}

/** How long a fresh node process takes just to import the API's module graph (independent of any data). */
function measureImport(): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(resolve('dist/apps/api/src/create-app.js'))}); process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

export type { History };
