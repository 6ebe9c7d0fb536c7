import type { TestApp } from '../support/test-app.js';
import {
  addUser,
  bearer,
  caughtUp,
  expectRejected,
  person,
  registerSite,
  startAppWithSite,
} from '../support/site-fixtures.js';

const u = (name: string) => `${name}@example.com`;
const NONE = {
  softwareAccess: 'none',
  reporting: 'none',
  entitlements: 'none',
  manageAccess: 'none',
  contactUpdates: 'none',
  accountDocuments: 'none',
};

/**
 * Item 2 (a request says what it asks for), item 8 (find requests by name and e-mail, paged) and
 * item 9 (a signed-in stranger to a site is told they may request access, and how).
 */
describe('Access requests: what they ask for, finding them, first sign-in (HTTP)', () => {
  let t: TestApp;
  let pat: string;
  let sam: string;
  let auditor: string;

  const ask = async (who: string, body: Record<string, unknown> = {}, siteId = '1001') => {
    const [name] = who.split('@');
    const res = await t.http
      .post(`/v1/sites/${siteId}/access-requests`)
      .set('Authorization', await bearer(t, who))
      .send({
        firstName: name![0]!.toUpperCase() + name!.slice(1),
        lastName: 'Example',
        email: who,
        businessJustification: 'I order media for the Munich team',
        ...body,
      });
    await caughtUp(t);
    return res;
  };
  const detail = (requestId: string, who = pat) =>
    t.http.get(`/v1/sites/1001/access-requests/${requestId}`).set('Authorization', who);
  const grant = (requestId: string, who: string, body: Record<string, unknown>) => () =>
    t.http.post(`/v1/sites/1001/access-requests/${requestId}/grant`).set('Authorization', who).send(body);

  beforeAll(async () => {
    t = await startAppWithSite('1001');
    await registerSite(t, '2002', u('quinn'));
    pat = await bearer(t, u('pat'));
    // sam manages access but holds no software access of his own
    await addUser(t, '1001', person(u('sam'), 'secondary', { manageAccess: 'update', reporting: 'view' }));
    sam = await bearer(t, u('sam'));
    auditor = await bearer(t, u('audrey'), { roles: ['auditor'] });
  });
  afterAll(() => t.close());

  describe('a request says what it asks for', () => {
    let nina: string;
    let omar: string;

    it('records the requested role and privileges; approvers see them in the list and the detail', async () => {
      const res = await ask(u('nina'), {
        requestedRole: 'secondary',
        requestedPrivileges: { softwareAccess: 'downloads', manageAccess: 'view' },
      });
      expect(res.status).toBe(201);
      nina = res.body.requestId;
      const requested = {
        requestedRole: 'secondary',
        requestedPrivileges: { ...NONE, softwareAccess: 'downloads', manageAccess: 'view' },
      };
      const list = await t.http
        .get('/v1/sites/1001/access-requests?status=pending')
        .set('Authorization', pat)
        .expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ requestId: nina, ...requested })]);
      const one = await detail(nina).expect(200);
      expect(one.body).toMatchObject({ requestId: nina, userId: u('nina'), status: 'pending', ...requested });
      expect(one.body).not.toHaveProperty('grantedRole');
      expect(one.body).not.toHaveProperty('verifiedEmail');
      // the requester sees what she asked for among her own requests
      const mine = await t.http
        .get('/v1/me/access-requests')
        .set('Authorization', await bearer(t, u('nina')))
        .expect(200);
      expect(mine.body.items).toEqual([expect.objectContaining(requested)]);
    });

    it('a request that does not say asks for the user role with no privileges', async () => {
      const res = await ask(u('omar'));
      expect(res.status).toBe(201);
      omar = res.body.requestId;
      expect((await detail(omar).expect(200)).body).toMatchObject({ requestedRole: 'user', requestedPrivileges: NONE });
    });

    it('refuses a user role asking for Account Management, and bad requested values, recording nothing', async () => {
      const rita = await bearer(t, u('rita'));
      const send = (body: Record<string, unknown>) => () =>
        t.http
          .post('/v1/sites/1001/access-requests')
          .set('Authorization', rita)
          .send({
            firstName: 'Rita',
            lastName: 'R',
            email: u('rita'),
            businessJustification: 'I order media for the Munich team',
            ...body,
          });
      await expectRejected(
        t,
        send({ requestedRole: 'user', requestedPrivileges: { contactUpdates: 'view' } }),
        400,
        'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE',
      );
      const bad = await expectRejected(
        t,
        send({ requestedRole: 'primary', requestedPrivileges: { reporting: 'all' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'requestedPrivileges.reporting',
        'requestedRole',
      ]);
    });

    it('a secondary may not grant a request as made above their own levels (403, nothing recorded)', async () => {
      // nina asks for softwareAccess=downloads; sam holds none
      await expectRejected(t, grant(nina, sam, {}), 403, 'FORBIDDEN');
    });

    it('a grant without role and privileges grants exactly what was requested; the audit records requested vs granted', async () => {
      const res = await grant(nina, pat, {})().expect(200);
      await caughtUp(t);
      const access = await t.http
        .get(`/v1/sites/1001/users/${u('nina')}/access`)
        .set('Authorization', pat)
        .expect(200);
      expect(access.body).toMatchObject({
        role: 'secondary',
        privileges: { ...NONE, softwareAccess: 'downloads', manageAccess: 'view' },
        confirmationNumber: res.body.confirmationNumber,
      });
      expect((await detail(nina).expect(200)).body).toMatchObject({
        status: 'granted',
        requestedRole: 'secondary',
        grantedRole: 'secondary',
        grantedPrivileges: { ...NONE, softwareAccess: 'downloads', manageAccess: 'view' },
      });
      const entry = await t.http
        .get(`/v1/confirmations/${res.body.confirmationNumber}`)
        .set('Authorization', auditor)
        .expect(200);
      expect(entry.body.changes).toEqual(
        expect.arrayContaining([
          { field: 'requested.role', from: 'secondary', to: 'secondary' },
          { field: 'requested.privileges.softwareAccess', from: 'downloads', to: 'downloads' },
          { field: 'requested.privileges.manageAccess', from: 'view', to: 'view' },
        ]),
      );
    });

    it('an approver may change what is granted; the audit shows both', async () => {
      const res = await grant(omar, sam, { privileges: { reporting: 'view' } })().expect(200);
      await caughtUp(t);
      expect((await detail(omar).expect(200)).body).toMatchObject({
        requestedRole: 'user',
        requestedPrivileges: NONE,
        grantedRole: 'user',
        grantedPrivileges: { ...NONE, reporting: 'view' },
      });
      const entry = await t.http
        .get(`/v1/confirmations/${res.body.confirmationNumber}`)
        .set('Authorization', auditor)
        .expect(200);
      expect(entry.body.changes).toEqual(
        expect.arrayContaining([
          { field: 'requested.role', from: 'user', to: 'user' },
          { field: 'requested.privileges.reporting', from: 'none', to: 'view' },
        ]),
      );
      // the requester reads the grant with the number from her e-mail: her own data, requested and granted
      const own = await t.http
        .get(`/v1/confirmations/${res.body.confirmationNumber}`)
        .set('Authorization', await bearer(t, u('omar')))
        .expect(200);
      expect(own.body).toMatchObject({ targetUserIds: [u('omar')], actorId: u('sam') });
      expect(own.body.events[0].data).toMatchObject({ userId: u('omar'), requestedRole: 'user', role: 'user' });
    });

    it('the detail answers 404 for an unknown request or one of another site, 403 to non-approvers', async () => {
      await detail('00000000-0000-0000-0000-000000000000').expect(404);
      const other = await ask(u('zoe'), {}, '2002');
      await t.http.get(`/v1/sites/1001/access-requests/${other.body.requestId}`).set('Authorization', pat).expect(404);
      const plain = await bearer(t, u('omar')); // now a plain user of 1001
      const refused = await detail(nina, plain).expect(403);
      expect(refused.body).not.toHaveProperty('canRequestAccess');
      await detail('not-a-request-id').expect(400);
    });
  });

  describe('finding requests by name and e-mail', () => {
    beforeAll(async () => {
      // two applicants with the same name, and others
      for (const [who, firstName, lastName] of [
        [u('anna.meyer'), 'Anna', 'Meyer'],
        ['anna.m@other.example', 'Anna', 'Meyer'],
        [u('anna.schmidt'), 'Anna', 'Schmidt'],
        [u('bernd'), 'Bernd', 'Meyerhoff'],
      ] as const) {
        expect((await ask(who, { firstName, lastName })).status).toBe(201);
      }
    });
    const find = (query: Record<string, string | number>) =>
      t.http.get('/v1/sites/1001/access-requests').query(query).set('Authorization', pat).expect(200);
    const ids = (body: { items: { userId: string }[] }) => body.items.map((i) => i.userId).sort();

    it('matches any part of the first or last name, case-insensitively', async () => {
      expect(ids((await find({ q: 'ANNA' })).body)).toEqual(
        ['anna.m@other.example', u('anna.meyer'), u('anna.schmidt')].sort(),
      );
      expect(ids((await find({ q: 'meyer' })).body)).toEqual(
        ['anna.m@other.example', u('anna.meyer'), u('bernd')].sort(),
      );
    });

    it('tells same-name applicants apart by e-mail; several words must all match', async () => {
      expect(ids((await find({ q: 'other.example' })).body)).toEqual(['anna.m@other.example']);
      expect(ids((await find({ q: 'anna meyer' })).body)).toEqual(['anna.m@other.example', u('anna.meyer')].sort());
      expect(ids((await find({ q: 'anna meyer other' })).body)).toEqual(['anna.m@other.example']);
      expect((await find({ q: 'a.*' })).body).toEqual({ items: [], total: 0 }); // plain text, not a pattern
    });

    it('pages (limit, offset; total counts all matches) and combines with status', async () => {
      const all = (await find({ q: 'anna' })).body;
      const page = (await find({ q: 'anna', limit: 2, offset: 1 })).body;
      expect(page).toEqual({ items: all.items.slice(1, 3), total: 3 });
      expect((await find({ q: 'omar', status: 'granted' })).body.total).toBe(1);
      expect((await find({ q: 'omar', status: 'pending' })).body.total).toBe(0);
      const bad = await t.http
        .get('/v1/sites/1001/access-requests')
        .query({ q: 'x'.repeat(201) })
        .set('Authorization', pat)
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['q']);
    });
  });

  describe('first sign-in: a stranger to a site learns they may request access', () => {
    const STRANGER = u('stefan');

    it('answers 403 with canRequestAccess and the nomination path, and nothing about the site', async () => {
      const who = await bearer(t, STRANGER);
      for (const path of [
        '/v1/sites/1001',
        '/v1/sites/1001/users',
        '/v1/sites/1001/contacts',
        '/v1/sites/1001/access-requests',
      ]) {
        const res = await t.http.get(path).set('Authorization', who).expect(403);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toEqual({
          type: 'urn:access-governance:problem:FORBIDDEN',
          title: 'Forbidden',
          status: 403,
          code: 'FORBIDDEN',
          detail: expect.any(String),
          instance: path,
          canRequestAccess: true,
          requestAccess: { method: 'POST', path: '/v1/sites/1001/access-requests' },
        });
        expect(JSON.stringify(res.body)).not.toMatch(/Site 1001|pat@example\.com|Primary/);
      }
    });

    it('the path it names takes the nomination; then the answer says the request is pending', async () => {
      const refused = await t.http
        .get('/v1/sites/1001')
        .set('Authorization', await bearer(t, STRANGER))
        .expect(403);
      const { method, path } = refused.body.requestAccess as { method: string; path: string };
      expect(method).toBe('POST');
      const nominated = await t.http
        .post(path)
        .set('Authorization', await bearer(t, STRANGER))
        .send({ firstName: 'Stefan', lastName: 'S', email: STRANGER, businessJustification: 'I need the downloads' })
        .expect(201);
      await caughtUp(t);
      const pending = await t.http
        .get('/v1/sites/1001')
        .set('Authorization', await bearer(t, STRANGER))
        .expect(403);
      expect(pending.body).toMatchObject({ canRequestAccess: false, pendingRequestId: nominated.body.requestId });
      expect(pending.body).not.toHaveProperty('requestAccess');
    });

    it('says nothing of the kind to a member lacking a permission, nor for a site that does not exist', async () => {
      const plain = await bearer(t, u('omar')); // a plain user of 1001
      const member = await t.http.get('/v1/sites/1001/users').set('Authorization', plain).expect(403);
      expect(member.body).not.toHaveProperty('canRequestAccess');
      const missing = await t.http
        .get('/v1/sites/9999')
        .set('Authorization', await bearer(t, STRANGER))
        .expect(404);
      expect(missing.body).not.toHaveProperty('canRequestAccess');
      expect(missing.body).not.toHaveProperty('requestAccess');
    });
  });
});
