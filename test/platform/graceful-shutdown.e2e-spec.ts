import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandAdmission, SqliteEventStore } from '#event-store';
import { bearer, person, registerSite } from '../support/site-fixtures.js';
import { type TestApp, startTestApp } from '../support/test-app.js';

/** What a client saw: the status and, for an answer, its body; `unreachable` when the connection was refused or cut. */
type Seen = { status: number; body: { confirmationNumber?: string; code?: string } } | 'unreachable';

describe('Stopping the API (SIGTERM → app.close) loses nothing', () => {
  let dataDir: string;
  let t: TestApp;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shutdown-'));
    // Each group commit held open 300 ms: the stop begins while commands are admitted and uncommitted.
    t = await startTestApp({ DATA_DIR: dataDir, GROUP_COMMIT_WAIT_MS: '300' });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers every admitted command 201 and records exactly those; later ones get 503 SHUTTING_DOWN or no connection', async () => {
    await registerSite(t, '7300001');
    const url = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const auth = await bearer(t, 'pat@example.com');
    const add = async (i: number): Promise<Seen> => {
      try {
        const response = await fetch(`${url}/v1/sites/7300001/users`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify(person(`stop${i}@example.com`)),
        });
        return {
          status: response.status,
          body: (await response.json()) as { confirmationNumber?: string; code?: string },
        };
      } catch {
        return 'unreachable';
      }
    };
    const admission = t.app.get(CommandAdmission);
    const before = Array.from({ length: 12 }, (_, i) => add(i));
    for (let waited = 0; admission.inFlight < 3; waited++) {
      if (waited > 2000) throw new Error('the commands were never admitted');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    let stopping = true;
    const stopped = t.app.close().finally(() => (stopping = false));
    // Four clients keep sending on their keep-alive connections until the stop has finished (at most 100 each).
    let next = 100;
    const lane = async () => {
      const answers: Seen[] = [];
      while (stopping && answers.length < 100) answers.push(await add((next += 1)));
      return answers;
    };
    const during = Array.from({ length: 4 }, lane);
    await stopped;
    const seen = [...(await Promise.all(before)), ...(await Promise.all(during)).flat()];

    const accepted = seen.flatMap((s) => (s !== 'unreachable' && s.status === 201 ? [s.body.confirmationNumber] : []));
    const refused = seen.filter((s) => s !== 'unreachable' && s.status !== 201);
    process.stdout.write(
      `[shutdown] ${accepted.length} accepted, ${refused.length} refused, ${seen.filter((s) => s === 'unreachable').length} unreachable\n`,
    );
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    for (const r of refused) expect(r).toMatchObject({ status: 503, body: { code: 'SHUTTING_DOWN' } });

    const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    try {
      const recorded = (await store.readAll({ limit: 1000 })).filter((e) => e.type === 'UserAdded');
      expect(recorded.map((e) => e.metadata.confirmationNumber).sort()).toEqual([...accepted].sort());
    } finally {
      await store.close();
    }
  });
});
