import type { TestApp } from '../support/test-app.js';
import { addUser, bearer, contact, expectRejected, person, startAppWithSite } from '../support/site-fixtures.js';

describe('Sites: register and summary (HTTP, embedded stores)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAppWithSite('1001');
  });
  afterAll(() => t.close());

  const body = (siteId: string) => ({
    siteId,
    name: 'Acme Munich',
    primaryContact: { userId: 'Ana@Example.com', ...contact('Ana', 'Admin', 'ana@example.com') },
  });

  it('an operator registers a site; the answer carries siteId, confirmation number and position', async () => {
    const res = await t.http
      .post('/v1/sites')
      .set('Authorization', await bearer(t, 'op@example.com', { roles: ['operator'] }))
      .send(body('2002'))
      .expect(201);
    expect(res.body).toEqual({
      siteId: '2002',
      confirmationNumber: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      position: expect.any(String),
    });
    const summary = await t.http
      .get('/v1/sites/2002')
      .set('Authorization', await bearer(t, 'ana@example.com'))
      .set('X-Consistent-With', res.body.position)
      .expect(200);
    expect(summary.body).toMatchObject({
      siteId: '2002',
      name: 'Acme Munich',
      primaryContact: { userId: 'ana@example.com', firstName: 'Ana', lastName: 'Admin', email: 'ana@example.com' },
      secondaryContacts: [],
      userCount: 1,
      pendingRequestCount: 0,
      warnings: [
        'NO_SECONDARY_CONTACT',
        'MISSING_CONTACT_TYPE:renewal',
        'MISSING_CONTACT_TYPE:media_shipping',
        'MISSING_CONTACT_TYPE:billing',
      ],
    });
    expect(summary.headers['x-projection-position']).toBe(res.body.position);
  });

  it('refuses: 401 without a token, 403 for a non-operator, 400 with field errors, 409 SITE_EXISTS — recording nothing', async () => {
    await expectRejected(t, () => t.http.post('/v1/sites').send(body('3003')), 401, 'UNAUTHENTICATED');
    const pat = await bearer(t, 'pat@example.com');
    await expectRejected(
      t,
      () => t.http.post('/v1/sites').set('Authorization', pat).send(body('3003')),
      403,
      'FORBIDDEN',
    );
    const auditor = await bearer(t, 'audrey@example.com', { roles: ['auditor'] });
    await expectRejected(
      t,
      () => t.http.post('/v1/sites').set('Authorization', auditor).send(body('3003')),
      403,
      'FORBIDDEN',
    );
    const op = await bearer(t, 'op@example.com', { roles: ['operator'] });
    const bad = await expectRejected(
      t,
      () =>
        t.http
          .post('/v1/sites')
          .set('Authorization', op)
          .send({ siteId: '12', name: '', primaryContact: { userId: 'x', email: 'not-an-email' }, extra: true }),
      400,
      'VALIDATION_FAILED',
    );
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'siteId',
        'name',
        'extra',
        'primaryContact.email',
        'primaryContact.firstName',
        'primaryContact.telephone',
      ]),
    );
    await expectRejected(
      t,
      () => t.http.post('/v1/sites').set('Authorization', op).send(body('1001')),
      409,
      'SITE_EXISTS',
    );
    for (const primaryContact of [undefined, [], 'pat']) {
      const res = await expectRejected(
        t,
        () =>
          t.http
            .post('/v1/sites')
            .set('Authorization', op)
            .send({ ...body('4004'), primaryContact }),
        400,
        'VALIDATION_FAILED',
      );
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('primaryContact');
    }
    await expectRejected(
      t,
      () =>
        t.http.post('/v1/sites').set('Authorization', op).set('Content-Type', 'application/json').send('{"siteId": '),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('shows the summary to members, operators and auditors; 403 to others; 404 for an unknown site', async () => {
    for (const caller of [
      await bearer(t, 'pat@example.com'),
      await bearer(t, 'op@example.com', { roles: ['operator'] }),
      await bearer(t, 'au@example.com', { roles: ['auditor'] }),
    ]) {
      await t.http.get('/v1/sites/1001').set('Authorization', caller).expect(200);
    }
    const stranger = await t.http
      .get('/v1/sites/1001')
      .set('Authorization', await bearer(t, 'eve@example.com'))
      .expect(403);
    expect(stranger.body.code).toBe('FORBIDDEN');
    expect(
      (
        await t.http
          .get('/v1/sites/9999')
          .set('Authorization', await bearer(t, 'pat@example.com'))
          .expect(404)
      ).body.code,
    ).toBe('NOT_FOUND');
    expect((await t.http.get('/v1/sites/1001').expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect(
      (
        await t.http
          .get('/v1/sites/12')
          .set('Authorization', await bearer(t, 'pat@example.com'))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('siteId');
  });

  it('a plain user member sees the summary; a secondary clears NO_SECONDARY_CONTACT', async () => {
    await addUser(t, '1001', person('uma@example.com'));
    const added = await addUser(t, '1001', person('sam@example.com', 'secondary'));
    const res = await t.http
      .get('/v1/sites/1001')
      .set('Authorization', await bearer(t, 'uma@example.com'))
      .set('X-Consistent-With', added.position)
      .expect(200);
    expect(res.body.warnings).not.toContain('NO_SECONDARY_CONTACT');
    expect(res.body.secondaryContacts.map((s: { userId: string }) => s.userId)).toEqual(['sam@example.com']);
    expect(res.body.userCount).toBe(3);
  });
});
