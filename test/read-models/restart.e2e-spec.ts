import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner } from '#read-store';
import { addUser, bearer, person, registerSite } from '../support/site-fixtures.js';
import { startTestApp } from '../support/test-app.js';

/** The read models live in DATA_DIR/read-models.sqlite: a restart resumes from their checkpoints instead of replaying the log. */
describe('Read models survive a restart (HTTP, persisted embedded store)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the previous read models at once, already at the head, and keeps projecting new commands', async () => {
    const first = await startTestApp({ DATA_DIR: dataDir });
    await registerSite(first, '8001', 'pat@example.com');
    await addUser(first, '8001', person('uma@example.com'));
    await first.close();

    const second = await startTestApp({ DATA_DIR: dataDir });
    try {
      const head = await second.app.get<symbol, EventStore>(EVENT_STORE).headPosition();
      // Checked before any request: nothing had to be replayed to get here.
      expect(await second.app.get(ProjectionRunner).currentPosition()).toBe(head);
      const health = await second.http.get('/health').expect(200);
      expect(health.body).toMatchObject({ caughtUp: true, projections: { position: head, head } });
      const pat = await bearer(second, 'pat@example.com');
      const users = await second.http.get('/v1/sites/8001/users').set('Authorization', pat).expect(200);
      expect(users.body.items.map((u: { userId: string }) => u.userId).sort()).toEqual([
        'pat@example.com',
        'uma@example.com',
      ]);
      const added = await second.http
        .post('/v1/sites/8001/users')
        .set('Authorization', pat)
        .send(person('ulf@example.com'))
        .expect(201);
      const after = await second.http
        .get('/v1/sites/8001/users')
        .set('Authorization', pat)
        .set('X-Consistent-With', added.body.position)
        .expect(200);
      expect(after.body.total).toBe(3);
    } finally {
      await second.close();
    }
  });
});
