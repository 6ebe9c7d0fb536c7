import { createHmac } from 'node:crypto';
import { mintToken } from '#auth';
import { positionOf } from '#core';
import { ProjectionLeader } from '#read-store';
import { contact } from './support/site-fixtures.js';
import { TEST_SECRET, type TestApp, startTestApp } from './support/test-app.js';

describe('Platform over HTTP (embedded stores)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health needs no token and reports stores and projections', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      eventStore: { kind: 'sqlite' },
      readStore: { kind: 'embedded' },
      projections: { caughtUp: true, running: true },
    });
  });

  it('serves OpenAPI at /docs-json and the UI at /docs', async () => {
    const json = await t.http.get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/health', '/v1/me']));
    const ui = await t.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers 401 problem+json without a token, with a bad one, and with an expired one', async () => {
    const expired = await mintToken(TEST_SECRET, { sub: 'ana', expiresIn: Math.floor(Date.now() / 1000) - 5 });
    const forged = await mintToken('not-the-server-secret-not-the-server', { sub: 'ana' });
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const hmac = (input: string) => createHmac('sha256', TEST_SECRET).update(input).digest('base64url');
    const now = Math.floor(Date.now() / 1000);
    const signed = (header: object, claims: object) =>
      `${b64(header)}.${b64(claims)}.${hmac(`${b64(header)}.${b64(claims)}`)}`;
    const good = await mintToken(TEST_SECRET, { sub: 'ana' });
    const tampered = `${good.slice(0, good.lastIndexOf('.'))}.${hmac('something else')}`;
    const algNone = `${b64({ alg: 'none' })}.${b64({ sub: 'ana', exp: now + 300 })}.`;
    const rs256 = signed({ alg: 'RS256' }, { sub: 'ana', exp: now + 300 });
    const notYet = signed({ alg: 'HS256' }, { sub: 'ana', exp: now + 300, nbf: now + 120 });
    const cases = [
      undefined,
      'Bearer nonsense',
      'Basic abc',
      `Bearer ${expired}`,
      `Bearer ${forged}`,
      ...[tampered, algNone, rs256, notYet].map((tk) => `Bearer ${tk}`),
    ];
    for (const header of cases) {
      const req = t.http.get('/v1/me');
      const res = await (header ? req.set('Authorization', header) : req).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized' });
      expect(res.body.type).toEqual(expect.any(String));
      expect(res.body.detail).toEqual(expect.any(String));
    }
  });

  it('knows the caller from a real JWT', async () => {
    const token = await t.token('Ana@Example.com', { roles: ['auditor'] });
    const res = await t.http.get('/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body).toMatchObject({ userId: 'ana@example.com', roles: ['auditor'] });
    expect(res.headers['x-projection-position']).toBeDefined();
  });

  it('answers unknown routes with 404 NOT_FOUND problem+json', async () => {
    const res = await t.http
      .get('/v1/nothing-here')
      .set('Authorization', `Bearer ${await t.token('ana')}`)
      .expect(404);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('rejects a malformed X-Consistent-With, and one beyond the last recorded event, at once', async () => {
    const auth = `Bearer ${await t.token('ana')}`;
    const bad = await t.http.get('/v1/me').set('Authorization', auth).set('X-Consistent-With', '12').expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'X-Consistent-With' }] });
    const future = positionOf(10n ** 12n, 10n ** 12n);
    const ahead = await t.http.get('/v1/me').set('Authorization', auth).set('X-Consistent-With', future).expect(400);
    expect(ahead.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'X-Consistent-With' }] });
  });

  it('times out with 503 on a recorded position the read models have not reached', async () => {
    // The leader would restart a stopped runner: stand the whole projector down.
    const leader = t.app.get(ProjectionLeader);
    await leader.stop();
    try {
      const operator = `Bearer ${await t.token('op@example.com', { roles: ['operator'] })}`;
      const site = {
        siteId: '7001',
        name: 'Paused projections',
        primaryContact: { userId: 'pat@example.com', ...contact('Pat', 'Primary', 'pat@example.com') },
      };
      const { body } = await t.http.post('/v1/sites').set('Authorization', operator).send(site).expect(201);
      const late = await t.http
        .get('/v1/me')
        .set('Authorization', operator)
        .set('X-Consistent-With', body.position)
        .expect(503);
      expect(late.body).toMatchObject({ status: 503, code: 'PROJECTION_NOT_CAUGHT_UP' });
    } finally {
      await leader.start();
    }
  });
});
