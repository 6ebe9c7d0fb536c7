import { parseCsv } from '#core';
import type { TestApp } from '../support/test-app.js';
import {
  addUser,
  allEvents,
  bearer,
  expectRejected,
  nominate,
  person,
  startAppWithSite,
} from '../support/site-fixtures.js';

describe('Site users: add, change, remove, transfer primary, list, report (HTTP)', () => {
  let t: TestApp;
  let pat: string;
  beforeAll(async () => {
    t = await startAppWithSite('1001');
    pat = await bearer(t, 'pat@example.com');
  });
  afterAll(() => t.close());

  const post = (path: string, auth: string, body: object) => () =>
    t.http.post(path).set('Authorization', auth).send(body);
  const patch = (path: string, auth: string, body: object) => () =>
    t.http.patch(path).set('Authorization', auth).send(body);
  const del = (path: string, auth: string) => () => t.http.delete(path).set('Authorization', auth);

  describe('POST /v1/sites/{siteId}/users', () => {
    it('adds a user with privileges (201, recorded with a confirmation number)', async () => {
      const before = (await allEvents(t)).length;
      const res = await addUser(
        t,
        '1001',
        person('uma@example.com', 'user', { softwareAccess: 'downloads', reporting: 'view' }),
      );
      expect(res).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
      const events = await allEvents(t);
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toMatchObject({
        type: 'UserAdded',
        metadata: { confirmationNumber: res.confirmationNumber, actorId: 'pat@example.com', command: 'AddUser' },
      });
    });

    it('refuses 401, 403, 400, 404 and each 409, recording nothing', async () => {
      const path = '/v1/sites/1001/users';
      await expectRejected(t, () => t.http.post(path).send(person('x@example.com')), 401, 'UNAUTHENTICATED');
      await expectRejected(
        t,
        post(path, await bearer(t, 'uma@example.com'), person('x@example.com')),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        post(path, await bearer(t, 'au@example.com', { roles: ['auditor'] }), person('x@example.com')),
        403,
        'FORBIDDEN',
      );
      const bad = await expectRejected(
        t,
        post(path, pat, { ...person('x@example.com'), role: 'primary', privileges: { reporting: 'update' } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['privileges.reporting', 'role']);
      await expectRejected(
        t,
        post(path, pat, person('x@example.com', 'user', { manageAccess: 'view' })),
        400,
        'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE',
      );
      await expectRejected(t, post('/v1/sites/9999/users', pat, person('x@example.com')), 404, 'NOT_FOUND');
      await expectRejected(t, post(path, pat, person('UMA@example.com')), 409, 'ALREADY_MEMBER');
      await nominate(t, '1001', 'nia@example.com');
      await expectRejected(t, post(path, pat, person('nia@example.com')), 409, 'REQUEST_PENDING');
    });

    it('lets a secondary with manageAccess=update add users, but not one with view', async () => {
      await addUser(t, '1001', person('sue@example.com', 'secondary', { manageAccess: 'update' }));
      await addUser(t, '1001', person('vic@example.com', 'secondary', { manageAccess: 'view' }));
      await addUser(t, '1001', person('ursula@example.com'), 'sue@example.com');
      await expectRejected(
        t,
        post('/v1/sites/1001/users', await bearer(t, 'vic@example.com'), person('y@example.com')),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('PATCH /v1/sites/{siteId}/users/{userId}', () => {
    it('changes role and privileges (before/after recorded); the same values again change nothing', async () => {
      const res = await t.http
        .patch('/v1/sites/1001/users/uma@example.com')
        .set('Authorization', pat)
        .send({ role: 'secondary', privileges: { manageAccess: 'view' } })
        .expect(200);
      expect(res.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
      const events = (await allEvents(t)).slice(-2);
      expect(events.map((e) => e.type)).toEqual(['RoleChanged', 'PrivilegesChanged']);
      expect(events[0]!.data).toMatchObject({ from: 'user', to: 'secondary' });
      expect(events[1]!.data).toMatchObject({
        changes: expect.arrayContaining([{ field: 'privileges.manageAccess', from: 'none', to: 'view' }]),
      });
      const before = await allEvents(t);
      const again = await t.http
        .patch('/v1/sites/1001/users/uma@example.com')
        .set('Authorization', pat)
        .send({ role: 'secondary', privileges: { manageAccess: 'view' } })
        .expect(200);
      expect(again.body).toEqual({ changed: false });
      expect(await allEvents(t)).toEqual(before);
    });

    it('refuses 401, 403, 400, PRIMARY_CONTACT_IMMUTABLE, NOT_A_MEMBER, SECONDARY_CONTACT_LIMIT, ACCOUNT_PRIVILEGES…', async () => {
      const path = '/v1/sites/1001/users/ursula@example.com';
      await expectRejected(t, () => t.http.patch(path).send({ role: 'user' }), 401, 'UNAUTHENTICATED');
      await expectRejected(t, patch(path, await bearer(t, 'vic@example.com'), { role: 'user' }), 403, 'FORBIDDEN');
      await expectRejected(t, patch(path, pat, { role: 'owner' }), 400, 'VALIDATION_FAILED');
      await expectRejected(
        t,
        patch('/v1/sites/1001/users/pat@example.com', pat, { role: 'user' }),
        409,
        'PRIMARY_CONTACT_IMMUTABLE',
      );
      await expectRejected(
        t,
        patch('/v1/sites/1001/users/nobody@example.com', pat, { role: 'user' }),
        409,
        'NOT_A_MEMBER',
      );
      // uma, sue, vic are secondaries: a fourth is fine, a fifth is not
      await t.http.patch(path).set('Authorization', pat).send({ role: 'secondary' }).expect(200);
      await addUser(t, '1001', person('walt@example.com'));
      await expectRejected(
        t,
        patch('/v1/sites/1001/users/walt@example.com', pat, { role: 'secondary' }),
        409,
        'SECONDARY_CONTACT_LIMIT',
      );
      await expectRejected(
        t,
        patch('/v1/sites/1001/users/sue@example.com', pat, { role: 'user' }),
        400,
        'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE',
      );
    });
  });

  describe('POST /v1/sites/{siteId}/primary-contact', () => {
    it('refuses 401, 403 (a secondary), 400, NOT_A_MEMBER, SECONDARY_CONTACT_LIMIT', async () => {
      const path = '/v1/sites/1001/primary-contact';
      await expectRejected(
        t,
        () => t.http.post(path).send({ userId: 'walt@example.com', formerPrimaryRole: 'user' }),
        401,
        'UNAUTHENTICATED',
      );
      await expectRejected(
        t,
        post(path, await bearer(t, 'sue@example.com'), { userId: 'walt@example.com', formerPrimaryRole: 'user' }),
        403,
        'FORBIDDEN',
      );
      await expectRejected(t, post(path, pat, { userId: 'walt@example.com' }), 400, 'VALIDATION_FAILED');
      await expectRejected(
        t,
        post(path, pat, { userId: 'nobody@example.com', formerPrimaryRole: 'user' }),
        409,
        'NOT_A_MEMBER',
      );
      // four secondaries already: the former primary cannot become a fifth
      await expectRejected(
        t,
        post(path, pat, { userId: 'walt@example.com', formerPrimaryRole: 'secondary' }),
        409,
        'SECONDARY_CONTACT_LIMIT',
      );
    });

    it('transfers to a member; the former primary becomes a user without Account Management privileges', async () => {
      const res = await t.http
        .post('/v1/sites/1001/primary-contact')
        .set('Authorization', pat)
        .send({ userId: 'walt@example.com', formerPrimaryRole: 'user' })
        .expect(200);
      const access = await t.http
        .get('/v1/sites/1001/users/pat@example.com/access')
        .set('Authorization', pat)
        .set('X-Consistent-With', res.body.position)
        .expect(200);
      expect(access.body).toMatchObject({
        userId: 'pat@example.com',
        role: 'user',
        privileges: {
          manageAccess: 'none',
          contactUpdates: 'none',
          accountDocuments: 'none',
          softwareAccess: 'downloads_media_quotes_renewals',
        },
      });
      const summary = await t.http.get('/v1/sites/1001').set('Authorization', pat).expect(200);
      expect(summary.body.primaryContact.userId).toBe('walt@example.com');
      await expectRejected(
        t,
        post('/v1/sites/1001/primary-contact', pat, { userId: 'pat@example.com', formerPrimaryRole: 'user' }),
        403,
        'FORBIDDEN',
      );
      const op = await bearer(t, 'op@example.com', { roles: ['operator'] });
      const back = await t.http
        .post('/v1/sites/1001/primary-contact')
        .set('Authorization', op)
        .send({ userId: 'pat@example.com', formerPrimaryRole: 'user' })
        .expect(200);
      expect(back.body.confirmationNumber).toEqual(expect.any(String));
      const same = await t.http
        .post('/v1/sites/1001/primary-contact')
        .set('Authorization', op)
        .send({ userId: 'pat@example.com', formerPrimaryRole: 'user' })
        .expect(200);
      expect(same.body).toEqual({ changed: false });
    });
  });

  describe('DELETE /v1/sites/{siteId}/users/{userId}', () => {
    it('removes a member; refuses 401, 403, PRIMARY_CONTACT_IMMUTABLE, NOT_A_MEMBER', async () => {
      const path = '/v1/sites/1001/users/walt@example.com';
      await expectRejected(t, () => t.http.delete(path), 401, 'UNAUTHENTICATED');
      await expectRejected(t, del(path, await bearer(t, 'walt@example.com')), 403, 'FORBIDDEN');
      await expectRejected(t, del('/v1/sites/1001/users/pat@example.com', pat), 409, 'PRIMARY_CONTACT_IMMUTABLE');
      await expectRejected(t, del('/v1/sites/1001/users/nobody@example.com', pat), 409, 'NOT_A_MEMBER');
      const res = await t.http.delete(path).set('Authorization', pat).expect(200);
      const gone = await t.http
        .get('/v1/sites/1001/users/walt@example.com/access')
        .set('Authorization', pat)
        .set('X-Consistent-With', res.body.position)
        .expect(404);
      expect(gone.body.code).toBe('NOT_FOUND');
      await expectRejected(t, del(path, pat), 409, 'NOT_A_MEMBER');
    });
  });

  describe('GET users, access and report', () => {
    it('lists users with role and q filters and pagination', async () => {
      const all = await t.http.get('/v1/sites/1001/users').set('Authorization', pat).expect(200);
      expect(all.body.total).toBe(all.body.items.length);
      expect(all.body.items[0]).toEqual({
        userId: expect.any(String),
        siteId: '1001',
        firstName: expect.any(String),
        lastName: expect.any(String),
        email: expect.any(String),
        role: expect.any(String),
        privileges: expect.any(Object),
        grantedBy: expect.any(String),
        grantedAt: expect.any(String),
        confirmationNumber: expect.any(String),
        lastChangedAt: expect.any(String),
        lastChangedBy: expect.any(String),
        lastConfirmationNumber: expect.any(String),
      });
      const secondaries = await t.http.get('/v1/sites/1001/users?role=secondary').set('Authorization', pat).expect(200);
      expect(secondaries.body.items.map((u: { userId: string }) => u.userId).sort()).toEqual([
        'sue@example.com',
        'uma@example.com',
        'ursula@example.com',
        'vic@example.com',
      ]);
      const q = await t.http.get('/v1/sites/1001/users?q=URS').set('Authorization', pat).expect(200);
      expect(q.body).toMatchObject({ total: 1, items: [{ userId: 'ursula@example.com' }] });
      const paged = await t.http.get('/v1/sites/1001/users?limit=2&offset=1').set('Authorization', pat).expect(200);
      expect(paged.body.items).toEqual(all.body.items.slice(1, 3));
      expect(paged.body.total).toBe(all.body.total);
      const bad = await t.http.get('/v1/sites/1001/users?limit=501&role=boss').set('Authorization', pat).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'role']);
    });

    it('lets the primary, a secondary with manageAccess≥view, operators and auditors list; others get 403', async () => {
      for (const caller of ['vic@example.com', 'sue@example.com'])
        await t.http
          .get('/v1/sites/1001/users')
          .set('Authorization', await bearer(t, caller))
          .expect(200);
      await t.http
        .get('/v1/sites/1001/users')
        .set('Authorization', await bearer(t, 'au@example.com', { roles: ['auditor'] }))
        .expect(200);
      const viewer = await t.http
        .get('/v1/sites/1001/users')
        .set('Authorization', await bearer(t, 'uma@example.com'))
        .expect(200);
      expect(viewer.body.total).toBeGreaterThan(0); // uma is a secondary with manageAccess=view
      await addUser(t, '1001', person('xena@example.com'));
      expect(
        (
          await t.http
            .get('/v1/sites/1001/users')
            .set('Authorization', await bearer(t, 'xena@example.com'))
            .expect(403)
        ).body.code,
      ).toBe('FORBIDDEN');
      expect((await t.http.get('/v1/sites/1001/users').expect(401)).body.code).toBe('UNAUTHENTICATED');
    });

    it("shows one user's access to themselves, to administrators and auditors only", async () => {
      const xena = await bearer(t, 'xena@example.com');
      const own = await t.http
        .get('/v1/sites/1001/users/xena@example.com/access')
        .set('Authorization', xena)
        .expect(200);
      expect(own.body).toMatchObject({
        userId: 'xena@example.com',
        role: 'user',
        grantedBy: 'pat@example.com',
        confirmationNumber: expect.any(String),
      });
      await t.http.get('/v1/sites/1001/users/uma@example.com/access').set('Authorization', xena).expect(403);
      await t.http
        .get('/v1/sites/1001/users/xena@example.com/access')
        .set('Authorization', await bearer(t, 'au@example.com', { roles: ['auditor'] }))
        .expect(200);
    });

    it('downloads the user report as RFC 4180 CSV with formula injection neutralised', async () => {
      await addUser(t, '1001', {
        ...person('mallory@example.com'),
        firstName: '=HYPERLINK("http://evil")',
        lastName: '+Smith, Jr.',
      });
      const res = await t.http.get('/v1/sites/1001/users/report.csv').set('Authorization', pat).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parseCsv(res.text);
      expect(rows[0]).toEqual([
        'userId',
        'firstName',
        'lastName',
        'email',
        'role',
        'softwareAccess',
        'reporting',
        'entitlements',
        'manageAccess',
        'contactUpdates',
        'accountDocuments',
        'grantedBy',
        'grantedAt',
        'confirmationNumber',
        'lastChangedAt',
        'lastChangedBy',
        'lastConfirmationNumber',
      ]);
      const list = await t.http.get('/v1/sites/1001/users?limit=500').set('Authorization', pat).expect(200);
      expect(rows).toHaveLength(list.body.total + 1);
      const mallory = rows.find((r) => r[0] === 'mallory@example.com')!;
      expect(mallory.slice(1, 3)).toEqual(['\'=HYPERLINK("http://evil")', "'+Smith, Jr."]);
      const onlySecondaries = parseCsv(
        (await t.http.get('/v1/sites/1001/users/report.csv?role=secondary').set('Authorization', pat).expect(200)).text,
      );
      expect(onlySecondaries.slice(1).every((r) => r[4] === 'secondary')).toBe(true);
      expect(onlySecondaries).toHaveLength(5);
      await t.http
        .get('/v1/sites/1001/users/report.csv')
        .set('Authorization', await bearer(t, 'xena@example.com'))
        .expect(403);
    });
  });
});
