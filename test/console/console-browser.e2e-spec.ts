import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import type { TestApp } from '../support/test-app.js';
import { addUser, bearer, caughtUp, nominate, person, registerSite } from '../support/site-fixtures.js';
import { registerEnterprise, selfAssociate } from '../support/partner-fixtures.js';
import { hire } from '../partner-profile/partner-steps.js';
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
  /** A second enterprise whose HQ accepts self-associations at once (olga its PRC). */
  let autoAccepting: { enterpriseId: string; locationId: string; companyToken: string };
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
    autoAccepting = await registerEnterprise(t, 'olga@example.com', 'DE', 1);
    await t.http
      .put(`/v1/enterprises/${autoAccepting.enterpriseId}/locations/${autoAccepting.locationId}/settings`)
      .set('Authorization', await bearer(t, 'olga@example.com'))
      .send({ autoAcceptSelfAssociation: true })
      .expect(200);
    await caughtUp(t);
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
    // The summary's warnings read in words; the API's code stays in the tooltip.
    const billing = page.getByRole('list', { name: 'Warnings' }).getByRole('listitem').filter({ hasText: 'billing' });
    expect(await billing.textContent()).toBe('No billing contact: the primary contact receives its e-mails.');
    expect(await billing.getAttribute('title')).toBe('MISSING_CONTACT_TYPE:billing');
    // nia asked for the default (user, no privileges): the administrator grants with changes.
    await page.getByText('Asks for user with no privileges').waitFor();
    await page
      .getByRole('group', { name: 'Grant nia Requester' })
      .getByRole('button', { name: 'Grant with changes…' })
      .click();
    const grant = page.getByRole('form', { name: 'Grant nia Requester with changes' });
    await grant.getByLabel('Role to grant').selectOption('secondary');
    await grant.getByLabel('Reporting').selectOption('view');
    await grant.getByRole('button', { name: 'Grant with these changes' }).click();
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

    // Editing a member's details: the row's last change is that edit (its confirmation number).
    await page
      .getByRole('row')
      .filter({ hasText: 'uma@example.com' })
      .getByRole('button', { name: 'Edit details' })
      .click();
    const details = page.getByRole('region', { name: 'Edit details of uma@example.com' });
    await details.getByLabel('Telephone').fill('+49 30 5555');
    await details.getByRole('button', { name: 'Save details' }).click();
    const edited = details.getByRole('status').filter({ hasText: 'Confirmation number' });
    await edited.waitFor();
    const editConfirmation = (await edited.locator('.confirmation').textContent()) ?? '';
    await page
      .getByRole('row')
      .filter({ hasText: 'uma@example.com' })
      .getByRole('link', { name: editConfirmation })
      .waitFor();
    const uma = await t.http
      .get(`/v1/sites/${SITE}/users/uma@example.com/access`)
      .set('Authorization', await bearer(t, 'pat@example.com'))
      .expect(200);
    expect(uma.body).toMatchObject({ telephone: '+49 30 5555', role: 'user' });
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
    // The monthly review, with its confirmation number; the contact is no longer "never" reviewed.
    await editor.getByRole('button', { name: 'Close' }).click();
    const never = page.getByRole('cell', { name: 'never', exact: true });
    await never.waitFor();
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    await page
      .getByRole('region', { name: 'Contacts' })
      .getByRole('status')
      .filter({ hasText: 'Confirmation number' })
      .waitFor();
    await never.waitFor({ state: 'detached' });
    // Recipients by contact type: Pat now has renewal; nobody has billing, so the primary gets it.
    const recipients = page.getByRole('region', { name: 'Recipients by contact type' });
    await recipients
      .getByRole('list', { name: 'Recipients of renewal e-mails' })
      .getByText(/Pat Primary/)
      .waitFor();
    await recipients.getByLabel('Contact type').selectOption('billing');
    await recipients.getByRole('note').filter({ hasText: 'the primary contact receives it' }).waitFor();
    await context.close();

    // The same person with a token from 20 minutes ago (kept in the tab as a sign-in would keep it).
    const stale = await t.token('pat@example.com', { authTime: Math.floor(Date.now() / 1000) - 20 * 60 });
    const old = await open();
    await old.context.addInitScript(
      `sessionStorage.setItem('access-governance.session', ${JSON.stringify(JSON.stringify({ token: stale, development: true }))})`,
    );
    await old.page.goto(`/sites/${SITE}`);
    // The review needs the same fresh sign-in as an update.
    await old.page.getByRole('button', { name: 'Mark reviewed' }).click();
    await old.page
      .getByRole('region', { name: 'Contacts' })
      .getByRole('alert')
      .filter({ hasText: 'REAUTHENTICATION_REQUIRED' })
      .first()
      .waitFor();
    await old.page.getByRole('button', { name: 'Edit contact' }).click();
    await old.page.getByRole('form', { name: 'Edit contact Pat Primary' }).getByLabel('Telephone').fill('+49 89 0000');
    await old.page.getByRole('button', { name: 'Save contact' }).click();
    const problem = old.page
      .getByRole('region', { name: 'Edit contact Pat Primary' })
      .getByRole('alert')
      .filter({ hasText: 'REAUTHENTICATION_REQUIRED' });
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
    // The PRC of the worldwide HQ (the tree says so) renames the enterprise.
    const rename = page.getByRole('form', { name: 'Rename the enterprise' });
    await rename.getByLabel('Enterprise name').fill('Acme Worldwide');
    await rename.getByRole('button', { name: 'Rename enterprise' }).click();
    await page.getByRole('status').filter({ hasText: 'Confirmation number' }).waitFor();
    await page.getByRole('heading', { name: 'Enterprise Acme Worldwide' }).waitFor();
    await shot(page, 'partner-enterprise');
    await page.getByRole('link', { name: /^Acme HQ/ }).click();
    await page.getByRole('heading', { name: 'Self-association approvals' }).waitFor();
    await page.getByRole('button', { name: /^Approve joe/i }).click();
    await page.getByRole('status').filter({ hasText: 'Confirmation number' }).waitFor();
    await page.getByText('No one is waiting.').waitFor();
    await page.getByRole('cell', { name: 'Joe Partner joe@example.com' }).waitFor();

    // Adding an employee directly; the compliance summary counts them.
    const add = page.getByRole('region', { name: 'Add an employee' });
    await add.getByLabel('User id').fill('eve@example.com');
    await add.getByLabel('First name').fill('Eve');
    await add.getByLabel('Last name').fill('Added');
    await add.getByLabel('E-mail').fill('eve@example.com');
    await add.getByLabel('Access role').selectOption('view_only');
    await add.getByRole('button', { name: 'Add employee' }).click();
    await add.getByRole('status').filter({ hasText: 'Confirmation number' }).waitFor();
    await page.getByRole('cell', { name: 'Eve Added eve@example.com' }).waitFor();
    await page
      .getByRole('region', { name: 'Compliance summary' })
      .getByText(/view only: 1/)
      .waitFor();

    const rotation = page.getByRole('region', { name: 'Company token' }).locator('.rotation');
    await expect(rotation.textContent()).resolves.toBe('Not rotated since the location was created.');
    await page.getByRole('button', { name: 'Rotate company token' }).click();
    const secret = page.getByRole('region', { name: 'New company token' });
    const token = ((await secret.locator('code').textContent()) ?? '').trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(token).not.toBe(enterprise.companyToken);
    await secret.getByRole('button', { name: 'Copy token' }).click();
    await secret.getByRole('button', { name: 'Copied' }).waitFor();
    await page.getByText(/^Last rotated .* by paula@example\.com\.$/).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
    await shot(page, 'partner-location');

    // Approved over the screen; the old token no longer admits anyone, the new one does.
    const employees = await t.http
      .get(`/v1/enterprises/${enterprise.enterpriseId}/locations/${enterprise.locationId}/employees`)
      .set('Authorization', await bearer(t, 'paula@example.com'))
      .expect(200);
    expect((employees.body.items as { userId: string }[]).map((e) => e.userId)).toContain('joe@example.com');
    expect(employees.body.items).toContainEqual(
      expect.objectContaining({ userId: 'eve@example.com', accessRole: 'view_only' }),
    );
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
    for (const name of [
      'Change access',
      'Remove',
      'Grant',
      'Grant as requested',
      'Grant with changes…',
      'Edit details',
      'Edit contact',
      'Mark reviewed',
      'Add user',
      'Save justification',
      'Transfer primary role',
    ])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('a non-member asks for secondary with privileges from the 403; the administrator grants as requested', async () => {
    const nominee = await open();
    await signIn(nominee.page, 'sam@example.com');
    await nominee.page.goto(`/sites/${SITE}`);
    // The API's 403 says sam may ask for access: its detail, and the action.
    await nominee.page.getByRole('alert').filter({ hasText: 'You may request access' }).waitFor();
    await nominee.page.getByRole('button', { name: 'Request access' }).click();
    const form = nominee.page.getByRole('form', { name: 'Request access' });
    await form.getByLabel('First name').fill('Sam');
    await form.getByLabel('Last name').fill('Nominee');
    await form.getByLabel('E-mail').fill('sam@example.com');
    await form.getByLabel('Business justification').fill('I run the renewals desk');
    await form.getByLabel('Requested role').selectOption('secondary');
    await form.getByLabel('Manage access').selectOption('view');
    await form.getByLabel('Software access').selectOption('downloads');
    await form.getByRole('button', { name: 'Send request' }).click();
    await nominee.page.getByRole('status').filter({ hasText: 'Confirmation number' }).waitFor();
    await nominee.page.getByRole('status').filter({ hasText: 'waits for a decision' }).waitFor();
    await shot(nominee.page, 'request-access');
    await nominee.context.close();

    const admin = await open();
    await signIn(admin.page, 'pat@example.com');
    await admin.page.goto(`/sites/${SITE}`);
    const search = admin.page.getByRole('form', { name: 'Search requests' });
    await search.getByLabel('Search requests (name, e-mail, user id)').fill('nobody-like-this');
    await search.getByRole('button', { name: 'Search' }).click();
    await admin.page.getByText('No pending request matches “nobody-like-this”.').waitFor();
    await search.getByLabel('Search requests (name, e-mail, user id)').fill('sam');
    await search.getByRole('button', { name: 'Search' }).click();
    await admin.page.getByText('Asks for secondary with Software access: downloads, Manage access: view').waitFor();
    await admin.page
      .getByRole('group', { name: 'Grant Sam Nominee' })
      .getByRole('button', { name: 'Grant as requested' })
      .click();
    const done = admin.page.getByRole('status').filter({ hasText: 'Confirmation number' });
    await done.waitFor();
    const confirmation = (await done.locator('.confirmation').textContent()) ?? '';
    await admin.page.getByText('No pending request matches “sam”.').waitFor();
    await shot(admin.page, 'site-granted-as-requested');
    await admin.context.close();

    const access = await t.http
      .get(`/v1/sites/${SITE}/users/sam@example.com/access`)
      .set('Authorization', await bearer(t, 'pat@example.com'))
      .expect(200);
    expect(access.body).toMatchObject({
      role: 'secondary',
      privileges: { softwareAccess: 'downloads', manageAccess: 'view', reporting: 'none' },
      grantedBy: 'pat@example.com',
      confirmationNumber: confirmation,
    });
  }, 60_000);

  it('an employee joins with the company token alone and sees the location under "My locations"', async () => {
    const { context, page } = await open(390);
    await signIn(page, 'jan@example.com');
    const mine = page.getByRole('region', { name: 'My locations' });
    await mine.getByText('You are not an employee of any partner location.').waitFor();
    const join = page.getByRole('form', { name: 'Join with a company token' });
    await join.getByLabel('Company token').fill(autoAccepting.companyToken);
    await join.getByLabel('First name').fill('Jan');
    await join.getByLabel('Last name').fill('Joiner');
    await join.getByLabel('E-mail').fill('jan@example.com');
    await join.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('status').filter({ hasText: 'Confirmation number' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'You are now an employee of the location.' }).waitFor();
    await mine.getByRole('link', { name: 'Acme HQ' }).waitFor();
    await page
      .getByRole('region', { name: 'My requests to join locations' })
      .getByRole('cell', { name: 'accepted' })
      .waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, 'me-locations-390');
    // A plain employee: no administration of the location or the enterprise.
    await mine.getByRole('link', { name: 'Acme HQ' }).click();
    await page.getByRole('heading', { name: 'Employees' }).waitFor();
    await page.getByRole('cell', { name: /^Jan Joiner/ }).waitFor();
    for (const name of ['Add employee', 'Rotate company token', 'Rename enterprise', 'Move worldwide HQ'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    await page.goto(`/partner/${autoAccepting.enterpriseId}`);
    await page.getByRole('heading', { name: 'Enterprise tree' }).waitFor();
    for (const name of ['Rename enterprise', 'Move worldwide HQ', 'Rename country enterprise'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    await context.close();

    const locations = await t.http
      .get('/v1/me/locations')
      .set('Authorization', await bearer(t, 'jan@example.com'))
      .expect(200);
    expect(locations.body.items).toEqual([
      expect.objectContaining({ locationId: autoAccepting.locationId, enterpriseId: autoAccepting.enterpriseId }),
    ]);
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
      'Grant as requested',
      'Edit details',
      'Mark reviewed',
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

  it('offers what the API says each caller may do: an APA audits and manages their location, an operator does not manage it', async () => {
    const { enterpriseId, locationId, companyToken } = autoAccepting;
    await hire(t, enterpriseId, locationId, companyToken, 'apu@example.com', 'olga@example.com', { role: 'apa' });
    const locationPage = `/partner/${enterpriseId}/locations/${locationId}`;
    const administration = ['Add employee', 'Rotate company token'];

    // An APA administers no site, yet the audit search answers them (their location's entries).
    const apa = await open();
    await signIn(apa.page, 'apu@example.com');
    await apa.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await apa.page.getByRole('heading', { name: 'Audit', exact: true }).waitFor();
    await apa.page.goto(locationPage);
    await apa.page.getByRole('heading', { name: 'Employees' }).waitFor();
    await apa.page.getByRole('region', { name: 'Company token' }).waitFor();
    for (const name of administration)
      expect(await apa.page.getByRole('button', { name, exact: true }).count()).toBe(1);
    // Renaming the enterprise is for the PRC of the worldwide HQ only.
    await apa.page.goto(`/partner/${enterpriseId}`);
    await apa.page.getByRole('heading', { name: 'Enterprise tree' }).waitFor();
    expect(await apa.page.getByRole('button', { name: 'Rename enterprise', exact: true }).count()).toBe(0);
    await apa.context.close();

    // An operator reads the compliance summary but manages no location (the API refuses them).
    const operator = await open();
    await signIn(operator.page, 'ops@example.com', ['operator']);
    await operator.page.goto(locationPage);
    await operator.page.getByRole('region', { name: 'Compliance summary' }).waitFor();
    for (const name of administration)
      expect(await operator.page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await operator.page.getByRole('heading', { name: 'Self-association approvals' }).count()).toBe(0);
    await operator.context.close();
  }, 60_000);

  it('ran every page under the console CSP without a violation or a script error', () => {
    expect(cspViolations).toEqual([]);
  });
});
