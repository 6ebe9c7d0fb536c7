import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { ARTIFACTS, CHROMIUM, buildConsole, hasChromium } from './console-build.js';
import { type FakeOidcProvider, startFakeOidcProvider } from './fake-oidc-provider.js';

/**
 * OpenID Connect sign-in in Chromium: the API configured with AUTH_ISSUER, AUTH_CLIENT_ID and
 * AUTH_JWKS_URL of a loopback provider that demands PKCE; the console discovers it, sends the
 * browser there and back, exchanges the code with its verifier, and the API accepts the token.
 */
if (!hasChromium) console.warn(`SKIPPED: console OpenID Connect browser test — no Chromium at ${CHROMIUM}.`);

(hasChromium ? describe : describe.skip)('console sign-in with OpenID Connect (authorization code + PKCE)', () => {
  let consoleDir: string;
  let provider: FakeOidcProvider;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    consoleDir = buildConsole();
    provider = await startFakeOidcProvider({
      clientId: 'console',
      audience: 'access-governance',
      userId: 'olga@example.com',
    });
    t = await startTestApp({
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: `${provider.issuer}/jwks`,
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: 'access-governance',
      AUTH_CLIENT_ID: 'console',
      CONSOLE_DIR: consoleDir,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await provider?.close();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });

  it('signs in through the provider with PKCE, and offers no development sign-in', async () => {
    const base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: base });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    page.on('pageerror', (e) => violations.push(e.message));

    await page.goto('/');
    const button = page.getByRole('button', { name: `Sign in with ${new URL(provider.issuer).host}` });
    await button.waitFor();
    expect(await page.getByRole('button', { name: 'Sign in (development)' }).count()).toBe(0);
    expect(await page.getByRole('note').filter({ hasText: 'DEVELOPMENT' }).count()).toBe(0);
    await button.click();
    await page.getByRole('heading', { name: 'My access', exact: true }).waitFor();
    await page.getByText('olga@example.com', { exact: true }).waitFor();
    // Back on the console's own origin, without the code in the address bar.
    expect(new URL(page.url())).toMatchObject({ origin: base, search: '' });
    expect(provider.exchanges).toEqual([{ clientId: 'console', pkceVerified: true, challengeMethod: 'S256' }]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'oidc-signed-in.png') });
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);
});
