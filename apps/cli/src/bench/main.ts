import { allProjections } from '#composition';
import { benchAppend } from './append.bench.js';
import { benchAsOf } from './as-of.bench.js';
import { benchAuth } from './auth.bench.js';
import { benchAuditQuery } from './audit.bench.js';
import { fmt } from './bench-util.js';
import { benchCommand } from './command.bench.js';
import { benchHttp } from './http.bench.js';
import { benchReplay } from './replay.bench.js';
import { benchScale } from './scale.main.js';
import { benchSiteCommand } from './site-command.bench.js';

/** `npm run bench`: the figures the platform promises, measured in one run on this machine. */
const out = (line: string) => process.stdout.write(`${line}\n`);
const quick = process.argv.includes('--quick');

if (process.argv.includes('--http')) {
  await benchHttp(process.argv, out);
  process.exit(0);
}

if (process.argv.includes('--scale')) {
  await benchScale(process.argv, out);
  process.exit(0);
}

const printAuth = async () => {
  const auth = await benchAuth(quick ? 5_000 : 50_000);
  out(
    `(f) bearer-token verification (HS256, iss+aud checked): node:crypto ${fmt(auth.nodeRate, 0)}/s (${fmt(auth.microsPerVerify, 1)} µs each) ` +
      `vs jose/WebCrypto ${fmt(auth.joseRate, 0)}/s → ratio ${fmt(auth.ratio)}`,
  );
};

if (process.argv.includes('--auth')) {
  await printAuth();
  process.exit(0);
}

out(`bench on node ${process.version}${quick ? ' (--quick: smaller sizes)' : ''}`);

const appends = await benchAppend(quick ? 300 : 2000);
out(
  `(a) durable single appends: port ${fmt(appends.portRate, 0)}/s vs raw better-sqlite3 ${fmt(appends.rawRate, 0)}/s ` +
    `→ ratio ${fmt(appends.ratio)} (target >= 0.7)`,
);

// Each figure starts from a collected heap, so one phase's garbage does not bill the next.
const collect = () => (globalThis as { gc?: () => void }).gc?.();
collect();
const every = allProjections();
const replays = await benchReplay(quick ? 20_000 : 200_000, [every, ...every.map((p) => [p])]);
const [all, ...alone] = replays;
if (all === undefined) throw new Error('the replay benchmark measured nothing');
out(
  `(b) projection replay into the embedded SQLite read store (a fresh read-models.sqlite file), ${fmt(all.replayed, 0)} site events (histories of 1,000 events made by the Site decider): ` +
    `all ${every.length} projections ${fmt(all.rate, 0)} events/s (${fmt(all.seconds)} s; target >= 50,000); ` +
    `each alone: ${alone.map((r) => `${r.projections[0]} ${fmt(r.rate, 0)}/s`).join(', ')}`,
);

collect();
const command = await benchCommand(quick ? 10_000 : 100_000, quick ? 50 : 300);
out(
  `(c) command latency: stream of ${quick ? '10k' : '100k'} events median ${fmt(command.bigMedianMs, 3)} ms ` +
    `(p99 ${fmt(command.bigP99Ms, 3)}) vs fresh stream median ${fmt(command.freshMedianMs, 3)} ms ` +
    `(p99 ${fmt(command.freshP99Ms, 3)}) → ratio ${fmt(command.ratio)} (target <= 2.0); ` +
    `first command on the big stream (cold cache): no snapshot yet (folds every event) ${fmt(command.coldBigMs, 1)} ms, with snapshot ${fmt(command.coldWithSnapshotMs, 1)} ms`,
);
collect();
const site = await benchSiteCommand(quick ? 10_000 : 100_000, quick ? 30 : 200);
out(
  `(c') same with the real Site decider: AddUser on a site of ${quick ? '10k' : '100k'} events median ${fmt(site.bigMedianMs, 3)} ms ` +
    `vs a new site ${fmt(site.freshMedianMs, 3)} ms → ratio ${fmt(site.ratio)}; first command on the big site (cold cache): no snapshot yet ${fmt(site.coldBigMs, 1)} ms, ` +
    `with snapshot ${fmt(site.coldWithSnapshotMs, 1)} ms (${fmt(site.eventsBehindSnapshot, 0)} events behind it: ${fmt(site.coldBehindSnapshotMs, 1)} ms)`,
);
collect();
const asOf = await benchAsOf(quick ? 10_000 : 100_000);
out(
  `(d) asOf for one user on a site of ${quick ? '10k' : '100k'} events: median ${fmt(asOf.oneUserMs, 1)} ms (target <= 500; member found: ${asOf.found}); ` +
    `the whole site's users asOf: ${fmt(asOf.wholeSiteMs, 0)} ms`,
);

collect();
const auditQuery = await benchAuditQuery(quick ? 100_000 : 1_000_000);
out(
  `(e) audit query by actor over ${quick ? '100k' : '1M'} entries (embedded SQLite read store in memory, through the query handler, ${fmt(auditQuery.perActor, 0)} per actor): ` +
    `median ${fmt(auditQuery.medianMs, 1)} ms, max ${fmt(auditQuery.maxMs, 1)} ms (target <= 200); RSS with the entries loaded ${fmt(auditQuery.rssAfterLoadMiB, 0)} MiB`,
);
collect();
await printAuth();
out(`peak RSS of the whole run ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`);
