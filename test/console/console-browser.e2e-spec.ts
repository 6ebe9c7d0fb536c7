import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import type { TestApp } from '../support/test-app.js';
import { addUser, bearer, nominate, person, registerSite } from '../support/site-fixtures.js';
import { registerEnterprise, selfAssociate } from '../support/partner-fixtures.js';
import { ARTIFACTS, CHROMIUM, buildConsole, hasChromium } from './console-build.js';
import { startDevelopmentApp } from './console-support.js';

/**
 * The console in a real browser (Debian's Chromium driven by playwright-core) against the real
 * server on the embedded stores, one scenario per role. Screenshots of each main page go to
 * test/console/.artifacts/ (git-ignored). Without /usr/bin/chromium the suite is skipped and says so
 * (`.ci/run` installs Chromium with apt-get).
 */
const SITE = '1234567';

if (!hasChromium) {
  console.warn(`SKIPPED: console browser tests — no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
}

(hasChromium ? describe : describe.skip)('the console in Chromium, one scenario per role', () => {
  let consoleDir: string;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let enterprise: { enterpriseId: string; locationId: string; companyToken: string };
  /** What the site administrator's grant answered, looked up again by the auditor. */
  let grantConfirmation = '';
  const cspViolations: string[] = [];

  beforeAll(async () => {
    consoleDir = buildConsole();
    t = await startDevelopmentApp(consoleDir);
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });

    await registerSite(t, SITE);
    await nominate(t, SITE, 'nia@example.com', 'I renew the licences');
    await addUser(t, SITE, person('uma@example.com', 'user'));
    enterprise = await registerEnterprise(t, 'paula@example.com');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });

  async function open(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: base });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => cspViolations.push(`page error: ${e.message}`));
    return { context, page };
  }

  async function signIn(page: Page, userId: string, roles: ('operator' | 'auditor')[] = []) {
    await page.goto('/');
    await page.getByRole('note').filter({ hasText: 'DEVELOPMENT' }).waitFor();
    await page.getByLabel('User id').fill(userId);
    for (const role of roles) await page.getByLabel(role, { exact: true }).check();
    await page.getByRole('button', { name: 'Sign in (development)' }).click();
    await page.getByRole('heading', { name: 'My access', exact: true }).waitFor();
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('a site administrator grants a nomination end to end', async () => {
    const { context, page } = await open();
    await signIn(page, 'pat@example.com');
    await page.getByRole('cell', { name: `Site ${SITE} (${SITE})` }).waitFor();
    await shot(page, 'me');
    await page.getByRole('link', { name: `Site ${SITE} (${SITE})` }).click();
    await page.getByRole('heading', { name: 'Pending requests' }).waitFor();
    const grant = page.getByRole('form', { name: 'Grant nia Requester' });
    await grant.getByLabel('Role to grant').selectOption('secondary');
    await grant.getByLabel('Reporting').selectOption('view');
    await grant.getByRole('button', { name: 'Grant' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Confirmation number' });
    await done.waitFor();
    grantConfirmation = (await done.locator('.confirmation').textContent()) ?? '';
    expect(grantConfirmation).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByText('No pending requests.').waitFor();
    await page.getByRole('cell', { name: /nia@example\.com/ }).waitFor();
    await shot(page, 'site');

    // The API recorded exactly what the screen said.
    const access = await t.http
      .get(`/v1/sites/${SITE}/users/nia@example.com/access`)
      .set('Authorization', await bearer(t, 'pat@example.com'))
      .expect(200);
    expect(access.body).toMatchObject({
      role: 'secondary',
      privileges: { reporting: 'view', manageAccess: 'none' },
      grantedBy: 'pat@example.com',
      confirmationNumber: grantConfirmation,
    });
    await context.close();
  }, 60_000);

  it('a site administrator updates a contact; with a sign-in older than 15 minutes the API’s detail asks for a new one', async () => {
    const { context, page } = await open();
    await signIn(page, 'pat@example.com');
    await page.goto(`/sites/${SITE}`);
    await page.getByRole('button', { name: 'Edit contact' }).click();
    const editor = page.getByRole('form', { name: 'Edit contact Pat Primary' });
    await editor.getByLabel('Telephone').fill('+49 89 9999');
    await editor.getByLabel('renewal').check();
    await editor.getByRole('button', { name: 'Save contact' }).click();
    await page
      .getByRole('region', { name: 'Edit contact Pat Primary' })
      .getByRole('status')
      .filter({ hasText: 'Confirmation number' })
      .waitFor();
    await page.getByRole('cell', { name: /\+49 89 9999/ }).waitFor();
    await context.close();

    // The same person with a token from 20 minutes ago (kept in the tab as a sign-in would keep it).
    const stale = await t.token('pat@example.com', { authTime: Math.floor(Date.now() / 1000) - 20 * 60 });
    const old = await open();
    await old.context.addInitScript(
      `sessionStorage.setItem('access-governance.session', ${JSON.stringify(JSON.stringify({ token: stale, development: true }))})`,
    );
    await old.page.goto(`/sites/${SITE}`);
    await old.page.getByRole('button', { name: 'Edit contact' }).click();
    await old.page.getByRole('form', { name: 'Edit contact Pat Primary' }).getByLabel('Telephone').fill('+49 89 0000');
    await old.page.getByRole('button', { name: 'Save contact' }).click();
    const problem = old.page.getByRole('alert').filter({ hasText: 'REAUTHENTICATION_REQUIRED' });
    await problem.waitFor();
    await problem.getByRole('button', { name: 'Sign in again' }).click();
    await old.page.getByRole('button', { name: 'Sign in (development)' }).waitFor();
    await old.context.close();
  }, 60_000);

  it('a PRC approves a self-association and rotates the company token (shown once, with a copy button)', async () => {
    const joiner = await selfAssociate(
      t,
      enterprise.enterpriseId,
      enterprise.locationId,
      enterprise.companyToken,
      'joe@example.com',
    );
    expect(joiner.status).toBe('pending');
    const { context, page } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await signIn(page, 'paula@example.com');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner' }).click();
    const openForm = page.getByRole('form', { name: 'Open an enterprise' });
    await openForm.getByLabel('Enterprise id').fill(enterprise.enterpriseId);
    await openForm.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('link', { name: /^Acme HQ/ }).click();
    await page.getByRole('heading', { name: 'Self-association approvals' }).waitFor();
    await page.getByRole('button', { name: /^Approve joe/i }).click();
    await page.getByRole('status').filter({ hasText: 'Confirmation number' }).waitFor();
    await page.getByText('No one is waiting.').waitFor();
    await page.getByRole('cell', { name: 'Joe Partner joe@example.com' }).waitFor();

    await page.getByRole('button', { name: 'Rotate company token' }).click();
    const secret = page.getByRole('region', { name: 'New company token' });
    const token = ((await secret.locator('code').textContent()) ?? '').trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(token).not.toBe(enterprise.companyToken);
    await secret.getByRole('button', { name: 'Copy token' }).click();
    await secret.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
    await shot(page, 'partner-location');

    // Approved over the screen; the old token no longer admits anyone, the new one does.
    const employees = await t.http
      .get(`/v1/enterprises/${enterprise.enterpriseId}/locations/${enterprise.locationId}/employees`)
      .set('Authorization', await bearer(t, 'paula@example.com'))
      .expect(200);
    expect((employees.body.items as { userId: string }[]).map((e) => e.userId)).toContain('joe@example.com');
    const path = `/v1/enterprises/${enterprise.enterpriseId}/locations/${enterprise.locationId}/self-associations`;
    const body = (companyToken: string) => ({
      companyToken,
      firstName: 'Kim',
      lastName: 'K',
      email: 'kim@example.com',
    });
    const kim = await bearer(t, 'kim@example.com');
    await t.http.post(path).set('Authorization', kim).send(body(enterprise.companyToken)).expect(403);
    await t.http.post(path).set('Authorization', kim).send(body(token)).expect(201);
    await context.close();
  }, 60_000);

  it('an auditor finds the grant by its actor and opens its confirmation', async () => {
    expect(grantConfirmation).not.toBe('');
    const { context, page } = await open();
    await signIn(page, 'audrey@example.com', ['auditor']);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Actor (user id)').fill('pat@example.com');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'GrantAccess' });
    await row.waitFor();
    await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe('pat@example.com');
    await shot(page, 'audit');
    await row.getByRole('link', { name: grantConfirmation }).click();
    await page.getByRole('heading', { name: `Confirmation ${grantConfirmation}` }).waitFor();
    await page.getByText('nia@example.com').first().waitFor();
    await expect(page.locator('dd.mono').textContent()).resolves.toBe(grantConfirmation);
    await shot(page, 'confirmation');
    // An auditor changes nothing, so the console offers no change at all.
    await page.goto(`/sites/${SITE}`);
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    for (const name of ['Change access', 'Remove', 'Grant', 'Add user', 'Save justification', 'Transfer primary role'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('a plain site user sees no administrative action (at 390 px wide)', async () => {
    const { context, page } = await open(390);
    await signIn(page, 'uma@example.com');
    await page.getByRole('cell', { name: 'user', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Audit' }).count()).toBe(0);
    await page.getByRole('link', { name: `Site ${SITE} (${SITE})` }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    await page.locator('.problem, .facts').first().waitFor();
    for (const name of [
      'Change access',
      'Remove',
      'Grant',
      'Deny',
      'Add user',
      'Save justification',
      'Download CSV',
      'Transfer primary role',
    ])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Pending requests' }).count()).toBe(0);
    // Nothing wider than the phone's screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, 'plain-user-390');
    await context.close();
  }, 60_000);

  it('ran every page under the console CSP without a violation or a script error', () => {
    expect(cspViolations).toEqual([]);
  });
});
