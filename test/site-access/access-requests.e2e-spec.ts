import type { TestApp } from '../support/test-app.js';
import {
  addUser,
  bearer,
  caughtUp,
  expectRejected,
  nominate,
  person,
  registerSite,
  startAppWithSite,
} from '../support/site-fixtures.js';

describe('Self-nominations: request, edit, grant, deny, e-mails (HTTP)', () => {
  let t: TestApp;
  let pat: string;
  beforeAll(async () => {
    t = await startAppWithSite('1001');
    await registerSite(t, '2002', 'quinn@example.com');
    pat = await bearer(t, 'pat@example.com');
  });
  afterAll(() => t.close());

  const request = {
    firstName: 'Nia',
    lastName: 'Newcomer',
    email: 'nia@example.com',
    businessJustification: 'I order media for the Munich team',
  };

  describe('POST /v1/sites/{siteId}/access-requests', () => {
    it('records a self-nomination (201 with requestId) for any authenticated non-member', async () => {
      const res = await t.http
        .post('/v1/sites/1001/access-requests')
        .set('Authorization', await bearer(t, 'nia@example.com'))
        .send(request)
        .expect(201);
      expect(res.body).toEqual({
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        confirmationNumber: expect.any(String),
        position: expect.any(String),
      });
      const mine = await t.http
        .get('/v1/me/access-requests')
        .set('Authorization', await bearer(t, 'nia@example.com'))
        .set('X-Consistent-With', res.body.position)
        .expect(200);
      expect(mine.body).toMatchObject({
        total: 1,
        items: [
          {
            requestId: res.body.requestId,
            siteId: '1001',
            status: 'pending',
            businessJustification: request.businessJustification,
          },
        ],
      });
    });

    it('refuses 401, 400 (short justification), 404, ALREADY_MEMBER, REQUEST_PENDING', async () => {
      const path = '/v1/sites/1001/access-requests';
      const nia = await bearer(t, 'nia@example.com');
      await expectRejected(t, () => t.http.post(path).send(request), 401, 'UNAUTHENTICATED');
      const bad = await expectRejected(
        t,
        () =>
          t.http
            .post(path)
            .set('Authorization', nia)
            .send({ ...request, businessJustification: 'short', email: 'x' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['businessJustification', 'email']);
      await expectRejected(
        t,
        () => t.http.post('/v1/sites/9999/access-requests').set('Authorization', nia).send(request),
        404,
        'NOT_FOUND',
      );
      await expectRejected(t, () => t.http.post(path).set('Authorization', pat).send(request), 409, 'ALREADY_MEMBER');
      await expectRejected(t, () => t.http.post(path).set('Authorization', nia).send(request), 409, 'REQUEST_PENDING');
    });

    it('lets a member of one site nominate themselves to another', async () => {
      const res = await t.http
        .post('/v1/sites/2002/access-requests')
        .set('Authorization', pat)
        .send(request)
        .expect(201);
      expect(res.body.requestId).toEqual(expect.any(String));
    });
  });

  describe('GET /v1/sites/{siteId}/access-requests', () => {
    it('lists requests with a status filter for administrators; 403 for others, 401 without token', async () => {
      await caughtUp(t);
      const res = await t.http
        .get('/v1/sites/1001/access-requests?status=pending')
        .set('Authorization', pat)
        .expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({
        requestId: expect.any(String),
        userId: 'nia@example.com',
        firstName: 'Nia',
        lastName: 'Newcomer',
        email: 'nia@example.com',
        businessJustification: request.businessJustification,
        originalJustification: request.businessJustification,
        status: 'pending',
        requestedAt: expect.any(String),
      });
      await t.http
        .get('/v1/sites/1001/access-requests')
        .set('Authorization', await bearer(t, 'au@example.com', { roles: ['auditor'] }))
        .expect(200);
      expect(
        (
          await t.http
            .get('/v1/sites/1001/access-requests')
            .set('Authorization', await bearer(t, 'nia@example.com'))
            .expect(403)
        ).body.code,
      ).toBe('FORBIDDEN');
      await t.http.get('/v1/sites/1001/access-requests').expect(401);
      expect(
        (await t.http.get('/v1/sites/1001/access-requests?status=maybe').set('Authorization', pat).expect(400)).body
          .errors[0].field,
      ).toBe('status');
    });
  });

  describe('grant', () => {
    it('grants with an edited justification: the original is kept, the requester becomes a member and gets an e-mail', async () => {
      const { items } = (
        await t.http.get('/v1/sites/1001/access-requests?status=pending').set('Authorization', pat).expect(200)
      ).body;
      const requestId = items[0].requestId as string;
      const edited = 'Nia Newcomer (Munich media team), confirmed by her manager';
      const res = await t.http
        .post(`/v1/sites/1001/access-requests/${requestId}/grant`)
        .set('Authorization', pat)
        .send({ role: 'user', privileges: { softwareAccess: 'downloads_media' }, businessJustification: edited })
        .expect(200);
      expect(res.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
      const nia = await bearer(t, 'nia@example.com');
      const consistent = { 'X-Consistent-With': res.body.position };
      const granted = (
        await t.http
          .get('/v1/sites/1001/access-requests?status=granted')
          .set('Authorization', pat)
          .set(consistent)
          .expect(200)
      ).body.items[0];
      expect(granted).toMatchObject({
        requestId,
        status: 'granted',
        businessJustification: edited,
        originalJustification: request.businessJustification,
        decidedBy: 'pat@example.com',
        decidedAt: expect.any(String),
      });
      expect(granted.justificationEdits).toEqual([
        {
          from: request.businessJustification,
          to: edited,
          editedBy: 'pat@example.com',
          editedAt: expect.any(String),
          confirmationNumber: res.body.confirmationNumber,
        },
      ]);
      const access = await t.http
        .get('/v1/sites/1001/users/nia@example.com/access')
        .set('Authorization', nia)
        .set(consistent)
        .expect(200);
      expect(access.body).toMatchObject({
        role: 'user',
        privileges: { softwareAccess: 'downloads_media' },
        grantedBy: 'pat@example.com',
        confirmationNumber: res.body.confirmationNumber,
      });
      const mail = await t.http.get('/v1/me/notifications').set('Authorization', nia).set(consistent).expect(200);
      expect(mail.body.items).toHaveLength(1);
      expect(mail.body.items[0]).toMatchObject({
        notificationId: expect.any(String),
        to: 'nia@example.com',
        confirmationNumber: res.body.confirmationNumber,
        createdAt: expect.any(String),
      });
      expect(mail.body.items[0].subject).toContain('granted');
      expect(mail.body.items[0].subject).toContain('1001');
      expect(mail.body.items[0].body).toContain(res.body.confirmationNumber);
      const sites = await t.http.get('/v1/me/sites').set('Authorization', nia).set(consistent).expect(200);
      expect(sites.body).toMatchObject({ total: 1, items: [{ siteId: '1001', siteName: 'Site 1001', role: 'user' }] });
    });

    it('refuses 401, 403, 400, 404, REQUEST_NOT_PENDING, SECONDARY_CONTACT_LIMIT, ACCOUNT_PRIVILEGES…', async () => {
      const granted = (
        await t.http.get('/v1/sites/1001/access-requests?status=granted').set('Authorization', pat).expect(200)
      ).body.items[0].requestId;
      const { requestId } = await nominate(t, '1001', 'otto@example.com');
      const path = `/v1/sites/1001/access-requests/${requestId}/grant`;
      const grant = (auth: string, body: object) => () => t.http.post(path).set('Authorization', auth).send(body);
      await expectRejected(t, () => t.http.post(path).send({ role: 'user' }), 401, 'UNAUTHENTICATED');
      await expectRejected(t, grant(await bearer(t, 'nia@example.com'), { role: 'user' }), 403, 'FORBIDDEN');
      await expectRejected(t, grant(pat, { role: 'admin', businessJustification: 'short' }), 400, 'VALIDATION_FAILED');
      await expectRejected(
        t,
        () =>
          t.http
            .post('/v1/sites/1001/access-requests/00000000-0000-0000-0000-000000000000/grant')
            .set('Authorization', pat)
            .send({ role: 'user' }),
        404,
        'NOT_FOUND',
      );
      await expectRejected(
        t,
        () =>
          t.http
            .post('/v1/sites/1001/access-requests/not-a-uuid/grant')
            .set('Authorization', pat)
            .send({ role: 'user' }),
        400,
        'VALIDATION_FAILED',
      );
      await expectRejected(
        t,
        () =>
          t.http
            .post(`/v1/sites/1001/access-requests/${granted}/grant`)
            .set('Authorization', pat)
            .send({ role: 'user' }),
        409,
        'REQUEST_NOT_PENDING',
      );
      await expectRejected(
        t,
        grant(pat, { role: 'user', privileges: { accountDocuments: 'view' } }),
        400,
        'ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE',
      );
      for (const s of ['s1', 's2', 's3', 's4']) await addUser(t, '1001', person(`${s}@example.com`, 'secondary'));
      await expectRejected(t, grant(pat, { role: 'secondary' }), 409, 'SECONDARY_CONTACT_LIMIT');
    });
  });

  describe('deny and edit', () => {
    it('edits a pending justification (PATCH), then denies with a reason; the requester is told why', async () => {
      const { requestId } = await nominate(t, '1001', 'dan@example.com', 'Please let me see the renewals');
      const edit = await t.http
        .patch(`/v1/sites/1001/access-requests/${requestId}`)
        .set('Authorization', pat)
        .send({ businessJustification: 'Dan (reseller), asks to see renewals' })
        .expect(200);
      expect(edit.body.confirmationNumber).toEqual(expect.any(String));
      const same = await t.http
        .patch(`/v1/sites/1001/access-requests/${requestId}`)
        .set('Authorization', pat)
        .send({ businessJustification: 'Dan (reseller), asks to see renewals' })
        .expect(200);
      expect(same.body).toEqual({ changed: false });
      const path = `/v1/sites/1001/access-requests/${requestId}/deny`;
      await expectRejected(t, () => t.http.post(path).set('Authorization', pat).send({}), 400, 'VALIDATION_FAILED');
      await expectRejected(
        t,
        () => t.http.post(path).set('Authorization', pat).send({ reason: '   ' }),
        400,
        'VALIDATION_FAILED',
      );
      await expectRejected(t, () => t.http.post(path).send({ reason: 'no' }), 401, 'UNAUTHENTICATED');
      const nia = await bearer(t, 'nia@example.com');
      await expectRejected(
        t,
        () => t.http.post(path).set('Authorization', nia).send({ reason: 'no' }),
        403,
        'FORBIDDEN',
      );
      const res = await t.http
        .post(path)
        .set('Authorization', pat)
        .send({ reason: 'Resellers get access through their own site' })
        .expect(200);
      await expectRejected(
        t,
        () => t.http.post(path).set('Authorization', pat).send({ reason: 'again' }),
        409,
        'REQUEST_NOT_PENDING',
      );
      await expectRejected(
        t,
        () =>
          t.http
            .patch(`/v1/sites/1001/access-requests/${requestId}`)
            .set('Authorization', pat)
            .send({ businessJustification: 'too late to edit this one' }),
        409,
        'REQUEST_NOT_PENDING',
      );
      const dan = await bearer(t, 'dan@example.com');
      const mail = await t.http
        .get('/v1/me/notifications')
        .set('Authorization', dan)
        .set('X-Consistent-With', res.body.position)
        .expect(200);
      expect(mail.body.items).toHaveLength(1);
      expect(mail.body.items[0].subject).toContain('denied');
      expect(mail.body.items[0].body).toContain('Resellers get access through their own site');
      expect(mail.body.items[0].body).toContain(res.body.confirmationNumber);
      const denied = (await t.http.get('/v1/me/access-requests').set('Authorization', dan).expect(200)).body.items[0];
      expect(denied).toMatchObject({
        status: 'denied',
        reason: 'Resellers get access through their own site',
        originalJustification: 'Please let me see the renewals',
        businessJustification: 'Dan (reseller), asks to see renewals',
      });
      // the person may ask again once the earlier request is decided
      await nominate(t, '1001', 'dan@example.com', 'I now have a support contract');
    });
  });

  it("keeps each person's notifications to themselves", async () => {
    const strangers = await t.http
      .get('/v1/me/notifications')
      .set('Authorization', await bearer(t, 'eve@example.com'))
      .expect(200);
    expect(strangers.body).toEqual({ items: [], total: 0 });
  });
});
