import { gzipSync } from 'node:zlib';
import { HTTP_ADAPTERS, positionOf } from '#core';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { allEvents, bearer, caughtUp, contact, expectRejected, registerSite } from '../support/site-fixtures.js';

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const siteBody = (siteId: string, name = `Site ${siteId}`) => ({
  siteId,
  name,
  primaryContact: { userId: 'pat@example.com', ...contact('Pat', 'Primary', 'pat@example.com') },
});

/** Everything the app writes to stdout/stderr while `run` runs (the JSON logger writes there). */
async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const original = { out: process.stdout.write, err: process.stderr.write };
  const collect = (chunk: unknown) => (chunks.push(String(chunk)), true);
  process.stdout.write = collect as typeof process.stdout.write;
  process.stderr.write = collect as typeof process.stderr.write;
  try {
    return { result: await run(), output: chunks.join('') };
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  }
}

// On both HTTP adapters (HTTP_ADAPTER): Fastify, the default, and Express, still selectable.
describe.each(HTTP_ADAPTERS)('HTTP hardening on %s (security review findings)', (adapter) => {
  let t: TestApp;
  let operator: string;
  let stranger: string;
  beforeAll(async () => {
    t = await startTestApp({ HTTP_ADAPTER: adapter, LOG_LEVEL: 'warn' });
    operator = await bearer(t, 'op@example.com', { roles: ['operator'] });
    stranger = await bearer(t, 'stranger@example.com');
    await registerSite(t, '1001');
  });
  afterAll(() => t.close());

  describe('1. JSON bodies are bounded before they are parsed', () => {
    it('a 10,000-deep JSON body is 400 VALIDATION_FAILED, records nothing and logs no error', async () => {
      const { result: res, output } = await captureOutput(() =>
        expectRejected(
          t,
          () => t.http.post('/v1/sites').set('Authorization', stranger).type('json').send(deepArray(10_000)),
          400,
          'VALIDATION_FAILED',
        ),
      );
      expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringContaining('32') }]);
      expect(output).not.toMatch(/"level":"error"|ERROR/);
    });

    it('nesting inside a field beyond 32 levels is refused; brackets inside strings do not count', async () => {
      const deep = `{"siteId":"1002","name":"x","primaryContact":${'{"a":'.repeat(33)}1${'}'.repeat(33)}}`;
      await expectRejected(
        t,
        () => t.http.post('/v1/sites').set('Authorization', operator).type('json').send(deep),
        400,
        'VALIDATION_FAILED',
      );
      await t.http
        .post('/v1/sites')
        .set('Authorization', operator)
        .send(siteBody('1003', '[{'.repeat(90) + ' \\" ['))
        .expect(201);
    });

    it('a body over 256 KB is 413 PAYLOAD_TOO_LARGE problem+json', async () => {
      const res = await expectRejected(
        t,
        () =>
          t.http
            .post('/v1/sites')
            .set('Authorization', operator)
            .send(siteBody('1004', 'x'.repeat(300 * 1024))),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      expect(res.body.title).toBe('Content Too Large');
    });

    it('malformed JSON is 400 VALIDATION_FAILED problem+json', async () => {
      await expectRejected(
        t,
        () => t.http.post('/v1/sites').set('Authorization', operator).type('json').send('{"siteId": '),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('the limits come from HTTP_JSON_MAX_DEPTH and HTTP_BODY_LIMIT_KB', async () => {
      const small = await startTestApp({ HTTP_ADAPTER: adapter, HTTP_JSON_MAX_DEPTH: '2', HTTP_BODY_LIMIT_KB: '1' });
      try {
        const auth = await bearer(small, 'op@example.com', { roles: ['operator'] });
        await expectRejected(
          small,
          () =>
            small.http
              .post('/v1/sites')
              .set('Authorization', auth)
              .send({ primaryContact: { a: {} } }),
          400,
          'VALIDATION_FAILED',
        );
        await expectRejected(
          small,
          () =>
            small.http
              .post('/v1/sites')
              .set('Authorization', auth)
              .send({ name: 'x'.repeat(2048) }),
          413,
          'PAYLOAD_TOO_LARGE',
        );
      } finally {
        await small.close();
      }
    });
  });

  describe('2. prototype keys are unknown fields', () => {
    it('__proto__, constructor and prototype at any depth are 400 VALIDATION_FAILED naming each field', async () => {
      const body = JSON.stringify(siteBody('1005')).replace(
        '"primaryContact":{',
        '"__proto__":{"isOperator":true},"primaryContact":{"constructor":{"prototype":{"x":1}},',
      );
      const res = await expectRejected(
        t,
        () => t.http.post('/v1/sites').set('Authorization', operator).type('json').send(body),
        400,
        'VALIDATION_FAILED',
      );
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        '__proto__',
        'primaryContact.constructor',
        'primaryContact.constructor.prototype',
      ]);
    });
  });

  describe('3. CSV downloads', () => {
    it.each([
      ['/v1/sites/1001/users/report.csv', 'site-users.csv'],
      ['/v1/audit.csv', 'audit.csv'],
    ])('%s is an attachment that is never cached', async (path, filename) => {
      const res = await t.http.get(path).set('Authorization', operator).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  describe('4. security headers', () => {
    it('API answers: nosniff, no X-Powered-By, a CSP that allows nothing, and no-store under /v1 (errors too)', async () => {
      for (const res of [
        await t.http.get('/v1/me').set('Authorization', stranger).expect(200),
        await t.http.get('/v1/me').expect(401),
      ]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['content-security-policy']).toContain("default-src 'none'");
        expect(res.headers['cache-control']).toBe('no-store');
      }
      const health = await t.http.get('/health').expect(200);
      expect(health.headers['x-content-type-options']).toBe('nosniff');
      expect(health.headers['x-powered-by']).toBeUndefined();
    });

    it('the Swagger UI at /docs still loads: same-origin scripts only, every asset served', async () => {
      const ui = await t.http.get('/docs').redirects(1).expect(200);
      const csp = ui.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(ui.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const assets = [...ui.text.matchAll(/(?:src|href)=["']([^"']+\.(?:js|css))["']/g)].map((m) => m[1]!);
      expect(assets).toEqual(
        expect.arrayContaining([
          expect.stringContaining('swagger-ui-bundle.js'),
          expect.stringContaining('swagger-ui-init.js'),
        ]),
      );
      for (const asset of assets) {
        // Resolved as the browser does, against the page's own URL.
        const url = new URL(
          asset,
          (ui as unknown as { redirects: string[] }).redirects.at(-1) ?? 'http://api.test/docs',
        ).pathname;
        const res = await t.http.get(url).expect(200);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    });
  });

  describe('5. wrong method on a known path', () => {
    it.each([
      ['put', '/v1/sites', 'POST'],
      ['delete', '/v1/me', 'GET, HEAD'],
      ['post', '/v1/audit.csv', 'GET, HEAD'],
      ['patch', '/v1/sites/1001/contacts/billing', 'DELETE, PUT'],
    ] as const)('%s %s is 405 METHOD_NOT_ALLOWED with Allow: %s', async (method, path, allow) => {
      const res = await expectRejected(
        t,
        () => t.http[method](path).set('Authorization', operator),
        405,
        'METHOD_NOT_ALLOWED',
      );
      expect(res.headers.allow).toBe(allow);
    });

    it('unknown paths stay 404, and a 404 from a handler stays 404', async () => {
      await expectRejected(t, () => t.http.get('/v1/nothing-here').set('Authorization', operator), 404, 'NOT_FOUND');
      await expectRejected(t, () => t.http.delete('/v1/nothing-here').set('Authorization', operator), 404, 'NOT_FOUND');
      const res = await t.http.get('/v1/sites/9999').set('Authorization', operator).expect(404);
      expect(res.headers.allow).toBeUndefined();
    });
  });

  describe('6. failed bearer tokens are rate limited per client', () => {
    it('past AUTH_FAILURE_LIMIT failures the client gets 429 with Retry-After; valid tokens keep working; the window resets', async () => {
      const limited = await startTestApp({
        HTTP_ADAPTER: adapter,
        AUTH_FAILURE_LIMIT: '3',
        AUTH_FAILURE_WINDOW_SECONDS: '1',
      });
      try {
        const valid = await bearer(limited, 'ana@example.com');
        const bad = () => limited.http.get('/v1/me').set('Authorization', 'Bearer not.a.token');
        for (let i = 0; i < 5; i++) await limited.http.get('/v1/me').set('Authorization', valid).expect(200);
        for (let i = 0; i < 3; i++) await bad().expect(401);
        const refused = await expectRejected(limited, bad, 429, 'TOO_MANY_REQUESTS');
        expect(refused.headers['retry-after']).toBe('1');
        expect(refused.body.title).toBe('Too Many Requests');
        await limited.http.get('/v1/me').set('Authorization', valid).expect(200);
        await t.http.get('/v1/me').set('Authorization', 'Bearer not.a.token').expect(401); // another app, its own count
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await bad().expect(401);
      } finally {
        await limited.close();
      }
    });
  });

  describe('7. X-Consistent-With beyond the head', () => {
    it('is 400 VALIDATION_FAILED at once, even for a caller who would get 403', async () => {
      await caughtUp(t);
      const before = await allEvents(t);
      const head = before[before.length - 1]!.position;
      const future = positionOf(10n ** 12n, 10n ** 12n);
      const res = await t.http.get('/v1/sites/1001').set('Authorization', stranger).set('X-Consistent-With', future);
      expect(res.status).not.toBe(503);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'X-Consistent-With' }] });
      await t.http.get('/v1/sites/1001').set('Authorization', operator).set('X-Consistent-With', head).expect(200);
      await t.http.get('/v1/sites/1001').set('Authorization', stranger).set('X-Consistent-With', head).expect(403);
    });
  });
  describe('8. bodies and paths are read as Express reads them, on either adapter', () => {
    // Bytes as given: superagent would otherwise serialize a JSON-typed body itself.
    const post = (type: string, body: string | Buffer) =>
      t.http
        .post('/v1/sites')
        .set('Authorization', operator)
        .set('Content-Type', type)
        .serialize((raw: unknown) => raw as string)
        .send(body);

    it('an empty JSON body, a text/plain body and a JSON scalar are 400 VALIDATION_FAILED', async () => {
      for (const send of [
        () => post('application/json', ''),
        () => post('text/plain', JSON.stringify(siteBody('1006'))),
        () => post('application/json', '"1006"'),
      ]) {
        await expectRejected(t, send, 400, 'VALIDATION_FAILED');
      }
    });

    it('a JSON body in a charset other than UTF-* is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      await expectRejected(
        t,
        () => post('application/json; charset=iso-8859-1', JSON.stringify(siteBody('1007'))),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('UTF-16 and gzip-encoded JSON bodies are read (and their depth checked)', async () => {
      const utf16 = Buffer.from('\ufeff' + JSON.stringify(siteBody('1008')), 'utf16le');
      await post('application/json; charset=utf-16le', utf16).expect(201);
      await t.http
        .post('/v1/sites')
        .set('Authorization', operator)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .serialize((raw: unknown) => raw as string)
        .send(gzipSync(JSON.stringify(siteBody('1009'))))
        .expect(201);
      const deep = Buffer.from(deepArray(40), 'utf16le');
      await expectRejected(t, () => post('application/json; charset=utf-16le', deep), 400, 'VALIDATION_FAILED');
    });

    it('a form body with a __proto__ key is 400 VALIDATION_FAILED', async () => {
      // Express drops the key (qs), Fastify refuses it by name, like a JSON one: neither records anything.
      await expectRejected(
        t,
        () => post('application/x-www-form-urlencoded', 'siteId=1010&__proto__=x'),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('a path that cannot be decoded is 400 VALIDATION_FAILED problem+json with the security headers', async () => {
      const res = await expectRejected(
        t,
        () => t.http.get('/v1/sites/%E0%A4%A').set('Authorization', operator),
        400,
        'VALIDATION_FAILED',
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('a trailing slash still routes, and a 150-character path parameter reaches the handler', async () => {
      await t.http.get('/v1/me/').set('Authorization', stranger).expect(200);
      const long = `${'a'.repeat(138)}@example.com`; // past Fastify's default maxParamLength (100)
      const res = await t.http.get(`/v1/sites/1001/users/${long}/access`).set('Authorization', operator);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });
  });
});
