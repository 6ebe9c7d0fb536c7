import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '#core';
import { registerEnterprise } from '../support/partner-fixtures.js';
import { allEvents, bearer, contact, expectRejected, person, registerSite } from '../support/site-fixtures.js';
import { type TestApp, startTestApp } from '../support/test-app.js';

/** The real time plus an offset the suite moves forward (keys are kept for a bounded time). */
class ShiftedClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

describe('Idempotency-Key on commands (over HTTP, embedded stores)', () => {
  let t: TestApp;
  const clock = new ShiftedClock();
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await registerSite(t, '8100');
  });
  afterAll(() => t.close());

  const addUser = async (key: string, body: object, by = 'pat@example.com', roles: ('operator' | 'auditor')[] = []) =>
    t.http
      .post('/v1/sites/8100/users')
      .set('Authorization', await bearer(t, by, { roles }))
      .set('Idempotency-Key', key)
      .send(body);

  it('answers a retry with the first answer (status and body) and records nothing new', async () => {
    const first = await addUser('add-ana-1', person('ana@example.com'));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
    const before = await allEvents(t);
    // The same body with its keys in another order is the same request.
    const { role, privileges, ...rest } = person('ana@example.com');
    const retry = await addUser('add-ana-1', { privileges, role, ...rest });
    expect({ status: retry.status, body: retry.body }).toEqual({ status: first.status, body: first.body });
    expect(await allEvents(t)).toEqual(before);
  });

  it('refuses the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED, nothing recorded', async () => {
    expect((await addUser('add-bo-1', person('bo@example.com'))).status).toBe(201);
    const res = await expectRejected(
      t,
      () =>
        t.http
          .post('/v1/sites/8100/users')
          .set('Authorization', `Bearer ${tokenOf('pat@example.com')}`)
          .set('Idempotency-Key', 'add-bo-1')
          .send(person('cy@example.com')),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(res.body.detail).toMatch(/different request/);
    // Nor on another path under the same key.
    await expectRejected(
      t,
      () =>
        t.http
          .post('/v1/sites/8101/users')
          .set('Authorization', `Bearer ${tokenOf('pat@example.com')}`)
          .set('Idempotency-Key', 'add-bo-1')
          .send(person('bo@example.com')),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('scopes keys per principal: another person with the same key runs their own command', async () => {
    const operator = await addUser('shared-key', person('dee@example.com'), 'op@example.com', ['operator']);
    expect(operator.status).toBe(201);
    // Pat's "shared-key" is Pat's own: a different body under it is not a reuse of the operator's key.
    const primary = await addUser('shared-key', person('gus@example.com'));
    expect(primary.status).toBe(201);
    expect(primary.body.confirmationNumber).not.toBe(operator.body.confirmationNumber);
  });

  it('replays the ids a command created (an access request id) with the same confirmation number', async () => {
    const send = async () =>
      t.http
        .post('/v1/sites/8100/access-requests')
        .set('Authorization', await bearer(t, 'eve@example.com'))
        .set('Idempotency-Key', '7c1f0e1a-9a43-4a51-9d3a-64c2f1d2e001')
        .send({
          firstName: 'Eve',
          lastName: 'R',
          email: 'eve@example.com',
          businessJustification: 'I need the software downloads',
        });
    const first = await send();
    expect(first.status).toBe(201);
    const count = (await allEvents(t)).length;
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.body.requestId).toEqual(expect.any(String));
    expect((await allEvents(t)).length).toBe(count);
  });

  it('records once when the same request arrives concurrently; every copy gets the same answer', async () => {
    const before = (await allEvents(t)).length;
    const answers = await Promise.all(Array.from({ length: 6 }, () => addUser('burst-1', person('fay@example.com'))));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    const bodies = answers.map((a) => a.body as { confirmationNumber: string });
    expect(new Set(bodies.map((b) => b.confirmationNumber)).size).toBe(1);
    expect(bodies[0]!.confirmationNumber).toEqual(expect.any(String));
    expect((await allEvents(t)).length).toBe(before + 1);
  });

  it('cannot repeat an answer that showed a secret once: 409 IDEMPOTENT_ANSWER_UNAVAILABLE, nothing recorded', async () => {
    const registered = await registerEnterprise(t, 'paula@example.com');
    const rotate = async () =>
      t.http
        .post(`/v1/enterprises/${registered.enterpriseId}/locations/${registered.locationId}/company-token`)
        .set('Authorization', await bearer(t, 'paula@example.com'))
        .set('Idempotency-Key', 'rotate-1');
    const first = await rotate();
    expect(first.status).toBe(200);
    expect(first.body.companyToken).toEqual(expect.any(String));
    const res = await expectRejected(
      t,
      () =>
        t.http
          .post(`/v1/enterprises/${registered.enterpriseId}/locations/${registered.locationId}/company-token`)
          .set('Authorization', `Bearer ${tokenOf('paula@example.com')}`)
          .set('Idempotency-Key', 'rotate-1'),
      409,
      'IDEMPOTENT_ANSWER_UNAVAILABLE',
    );
    expect(res.body.detail).toContain(first.body.confirmationNumber);
  });

  it('refuses a malformed key with 400 VALIDATION_FAILED before anything runs; queries ignore the header', async () => {
    const res = await expectRejected(
      t,
      () =>
        t.http
          .post('/v1/sites/8100/users')
          .set('Authorization', `Bearer ${tokenOf('pat@example.com')}`)
          .set('Idempotency-Key', 'has space')
          .send(person('gil@example.com')),
      400,
      'VALIDATION_FAILED',
    );
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    await expectRejected(
      t,
      () =>
        t.http
          .post('/v1/sites/8100/users')
          .set('Authorization', `Bearer ${tokenOf('pat@example.com')}`)
          .set('Idempotency-Key', 'x'.repeat(256))
          .send(person('gil@example.com')),
      400,
      'VALIDATION_FAILED',
    );
    await t.http
      .get('/v1/sites/8100/users')
      .set('Authorization', `Bearer ${tokenOf('pat@example.com')}`)
      .set('Idempotency-Key', 'has space')
      .expect(200);
  });

  it('forgets a key after the retention (24 h by default): the same request is then a new command', async () => {
    const first = await addUser('old-key', person('hal@example.com'));
    await t.http
      .delete('/v1/sites/8100/users/hal@example.com')
      .set('Authorization', await bearer(t, 'pat@example.com'))
      .expect(200);
    clock.offsetMs += 23 * 3_600_000;
    expect((await addUser('old-key', person('hal@example.com'))).body).toEqual(first.body);
    clock.offsetMs += 2 * 3_600_000;
    const later = await addUser('old-key', person('hal@example.com'));
    expect(later.status).toBe(201);
    expect(later.body.confirmationNumber).toEqual(expect.any(String));
    expect(later.body.confirmationNumber).not.toBe(first.body.confirmationNumber);
  });

  it('is documented on every command in /docs-json, and only there', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    const paths = body.paths as Record<
      string,
      Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>
    >;
    const withKey = (operation: { parameters?: { name: string }[] } | undefined) =>
      (operation?.parameters ?? []).some((p) => p.name === 'Idempotency-Key');
    const addUserOperation = paths['/v1/sites/{siteId}/users']?.post;
    expect(withKey(addUserOperation)).toBe(true);
    expect(addUserOperation?.responses['422']).toBeDefined();
    expect(withKey(paths['/v1/sites/{siteId}/users']?.get)).toBe(false);
  });

  // Tokens minted ahead for the synchronous send callbacks of expectRejected.
  const tokens = new Map<string, string>();
  const tokenOf = (userId: string) => tokens.get(userId)!;
  beforeAll(async () => {
    for (const userId of ['pat@example.com', 'paula@example.com']) tokens.set(userId, await t.token(userId));
  });
});

describe('Idempotency-Key across a restart on the same DATA_DIR', () => {
  it('answers the retry of a command committed before the restart with its first answer, recording nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'e2e-idem-'));
    try {
      const operator = { roles: ['operator' as const] };
      const site = {
        siteId: '8200',
        name: 'Restart',
        primaryContact: { userId: 'pat@example.com', ...contact('Pat', 'Primary', 'pat@example.com') },
      };
      let t = await startTestApp({ DATA_DIR: dataDir });
      const first = await t.http
        .post('/v1/sites')
        .set('Authorization', await bearer(t, 'op@example.com', operator))
        .set('Idempotency-Key', 'register-8200')
        .send(site);
      expect(first.status).toBe(201);
      const count = (await allEvents(t)).length;
      await t.close();

      t = await startTestApp({ DATA_DIR: dataDir });
      try {
        const retry = await t.http
          .post('/v1/sites')
          .set('Authorization', await bearer(t, 'op@example.com', operator))
          .set('Idempotency-Key', 'register-8200')
          .send(site);
        expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body });
        expect((await allEvents(t)).length).toBe(count);
        // Without the key the same request is a new command, refused by the domain (the site exists).
        const again = await t.http
          .post('/v1/sites')
          .set('Authorization', await bearer(t, 'op@example.com', operator))
          .send(site);
        expect(again.status).toBeGreaterThanOrEqual(400);
        expect((await allEvents(t)).length).toBe(count);
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
