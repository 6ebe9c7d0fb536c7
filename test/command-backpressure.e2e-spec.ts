import { CommandAdmission, EVENT_STORE, type EventStore } from '#event-store';
import { bearer, person, registerSite } from './support/site-fixtures.js';
import { type TestApp, startTestApp } from './support/test-app.js';

describe('Backpressure: a bounded in-flight command queue (COMMAND_QUEUE_LIMIT)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One command in flight at most; each group commit held open 1 s, so the first command stays in flight while the second arrives.
    t = await startTestApp({ COMMAND_QUEUE_LIMIT: '1', GROUP_COMMIT_WAIT_MS: '1000' });
  });
  afterAll(() => t.close());

  it('answers a command beyond the bound 503 COMMAND_QUEUE_FULL problem+json with Retry-After and records nothing for it', async () => {
    await registerSite(t, '7100001');
    await registerSite(t, '7100002');
    const store = t.app.get<symbol, EventStore>(EVENT_STORE);
    const admission = t.app.get(CommandAdmission);
    const head = (await store.headPosition())!;
    const auth = await bearer(t, 'pat@example.com');

    const first = t.http
      .post('/v1/sites/7100001/users')
      .set('Authorization', auth)
      .send(person('first@example.com'))
      .then((res) => res);
    for (let waited = 0; admission.inFlight < 1; waited++) {
      if (waited > 2000) throw new Error('the first command was never admitted');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const refused = await t.http
      .post('/v1/sites/7100002/users')
      .set('Authorization', auth)
      .send(person('second@example.com'));
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body).toMatchObject({
      status: 503,
      code: 'COMMAND_QUEUE_FULL',
      title: 'Service Unavailable',
      instance: '/v1/sites/7100002/users',
    });

    const accepted = await first;
    expect(accepted.status).toBe(201);
    const recorded = await store.readAll({ after: head, limit: 1000 });
    expect(recorded.map((e) => [e.type, e.data.userId, e.metadata.confirmationNumber])).toEqual([
      ['UserAdded', 'first@example.com', accepted.body.confirmationNumber],
    ]);

    // The slot is free once the first command was answered: the refused one, retried, goes through.
    expect(admission.inFlight).toBe(0);
    await t.http
      .post('/v1/sites/7100002/users')
      .set('Authorization', auth)
      .send(person('second@example.com'))
      .expect(201);
  });

  it('a burst far beyond the bound gets 201 or 503 for each command, and exactly the accepted ones are recorded', async () => {
    await registerSite(t, '7100003');
    const store = t.app.get<symbol, EventStore>(EVENT_STORE);
    const head = (await store.headPosition())!;
    const auth = await bearer(t, 'pat@example.com');
    const bodies = Array.from({ length: 20 }, (_, i) => person(`burst${i}@example.com`));
    const answers = await Promise.all(
      bodies.map((body) => t.http.post('/v1/sites/7100003/users').set('Authorization', auth).send(body)),
    );
    expect(answers.every((res) => res.status === 201 || res.status === 503)).toBe(true);
    const acceptedUsers = answers.flatMap((res, i) => (res.status === 201 ? [bodies[i]!.userId] : [])).sort();
    expect(acceptedUsers.length).toBeGreaterThan(0);
    const recorded = (await store.readAll({ after: head, limit: 1000 })).map((e) => e.data.userId as string).sort();
    expect(recorded).toEqual(acceptedUsers);
  });
});
