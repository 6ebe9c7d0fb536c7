import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestApp, startTestApp } from '../support/test-app.js';

/** A console build stand-in: what `vite build` writes (index.html plus hashed assets). */
function fakeConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="app"></div></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log("console");');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('the console served at / (SPA fallback only for pages outside /v1, /docs and /health)', () => {
  let t: TestApp;
  let dir: string;
  const html = 'text/html,application/xhtml+xml';

  beforeAll(async () => {
    dir = fakeConsole();
    t = await startTestApp({ CONSOLE_DIR: dir, AUTH_ISSUER: 'https://login.example.com/realms/acme' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html for / and for client-side routes, under a strict CSP', async () => {
    for (const path of ['/', '/sites/1234567', '/audit/confirmations/ABCD-EFGH-JKLM', '/partner?x=1']) {
      const res = await t.http.get(path).set('Accept', html).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<div id="app">');
      const csp = res.headers['content-security-policy'] as string;
      expect(csp.split('; ')).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "frame-ancestors 'none'",
          "object-src 'none'",
          "connect-src 'self' https://login.example.com",
        ]),
      );
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves the built files by exact path (hashed assets cached for good)', async () => {
    const js = await t.http.get('/assets/index-abc.js').expect(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.text).toBe('console.log("console");');
    const head = await t.http.head('/favicon.svg').expect(200);
    expect(head.headers['content-type']).toBe('image/svg+xml');
  });

  it('leaves the API alone: unknown /v1 paths, and non-page requests elsewhere, stay 404 problem+json', async () => {
    for (const [path, accept] of [
      ['/v1/nothing-here', html],
      ['/v1', html],
      ['/health/x', html],
      ['/nothing-here', 'application/json'],
      ['/assets/missing.js', '*/*'],
      ['/', 'application/json'],
    ] as const) {
      const res = await t.http.get(path).set('Accept', accept);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    }
    await t.http.post('/').set('Accept', html).expect(404);
    const health = await t.http.get('/health').set('Accept', html).expect(200);
    expect(health.body.status).toBe('ok');
    const docs = await t.http.get('/docs').set('Accept', html);
    expect(docs.status).toBeLessThan(400);
    expect(docs.text).not.toContain('<div id="app">');
  });

  it('serves nothing at / when no console was built (API answers unchanged)', async () => {
    const bare = await startTestApp({ CONSOLE_DIR: join(dir, 'missing') });
    try {
      const res = await bare.http.get('/').set('Accept', html).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await bare.close();
    }
  });
});
