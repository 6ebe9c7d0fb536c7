import { type TestApp, startTestApp } from '../support/test-app.js';
import { allEvents } from '../support/site-fixtures.js';
import { violations } from '../contract/schema-conformance.js';
import { fetchDocument } from '../contract/openapi-document.js';
import { startDevelopmentApp } from './console-support.js';

describe('development sign-in: only with the generated development secret', () => {
  describe('without AUTH_JWT_SECRET or AUTH_JWKS_URL', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startDevelopmentApp();
    });
    afterAll(() => t?.close());

    it('says so in the sign-in options (no OpenID Connect configured)', async () => {
      const res = await t.http.get('/v1/sign-in/options').expect(200);
      expect(res.body).toEqual({ development: true, oidc: null });
    });

    it('mints a token for the typed user id and roles that the API accepts', async () => {
      const res = await t.http
        .post('/v1/dev/sign-in')
        .send({ userId: 'Ana@Example.com', roles: ['auditor'] })
        .expect(200);
      expect(res.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String), development: true });
      // Documented like every route (the typed client reads it): the answer conforms, the operationId is spelled out.
      const document = await fetchDocument(t);
      const operation = document.paths['/v1/dev/sign-in']!.post! as { operationId?: string; responses: object };
      expect(operation.operationId).toBe('DevSignInController_signIn');
      const schema = document.paths['/v1/dev/sign-in']!.post!.responses!['200']!.content!['application/json']!.schema!;
      expect(violations(document, schema, res.body)).toEqual([]);
      expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(7 * 3600 * 1000);
      const me = await t.http.get('/v1/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
      expect(me.body).toMatchObject({ userId: 'ana@example.com', roles: ['auditor'], authTime: expect.any(String) });
      const plain = await t.http.post('/v1/dev/sign-in').send({ userId: 'sam@example.com' }).expect(200);
      const sam = await t.http.get('/v1/me').set('Authorization', `Bearer ${plain.body.token}`).expect(200);
      expect(sam.body.roles).toEqual([]);
    });

    it.each([
      ['no user id', {}, 'userId'],
      ['a user id with a space', { userId: 'a b@example.com' }, 'userId'],
      ['an unknown role', { userId: 'ana@example.com', roles: ['admin'] }, 'roles'],
      ['an unknown field', { userId: 'ana@example.com', sub: 'x' }, 'sub'],
    ])('refuses %s (400, nothing recorded)', async (_case, body, field) => {
      const before = await allEvents(t);
      const res = await t.http.post('/v1/dev/sign-in').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      expect(await allEvents(t)).toEqual(before);
    });
  });

  describe.each([
    ['AUTH_JWT_SECRET', { AUTH_JWT_SECRET: 'a-configured-secret-a-configured-secret' }],
    ['AUTH_JWKS_URL', { AUTH_JWT_SECRET: '', AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }],
  ])('with %s configured', (_name, env) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(env);
    });
    afterAll(() => t?.close());

    it('has no development sign-in: 404 problem+json, and the options say so', async () => {
      const res = await t.http.post('/v1/dev/sign-in').send({ userId: 'ana@example.com', roles: ['operator'] });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.body.token).toBeUndefined();
      const options = await t.http.get('/v1/sign-in/options').expect(200);
      expect(options.body).toEqual({ development: false, oidc: null });
      const docs = await t.http.get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths as object)).not.toContain('/v1/dev/sign-in');
    });
  });

  it('offers OpenID Connect when AUTH_ISSUER and AUTH_CLIENT_ID are set', async () => {
    const t = await startTestApp({ AUTH_ISSUER: 'https://login.example.com/realms/acme', AUTH_CLIENT_ID: 'console' });
    try {
      const res = await t.http.get('/v1/sign-in/options').expect(200);
      expect(res.body).toEqual({
        development: false,
        oidc: { issuer: 'https://login.example.com/realms/acme', clientId: 'console' },
      });
    } finally {
      await t.close();
    }
  });
});
