import type { TestApp } from '../support/test-app.js';
import { addUser, bearer, expectRejected, person, registerSite, startAppWithSite } from '../support/site-fixtures.js';

describe("The caller's own view: /v1/me/* (HTTP)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAppWithSite('1001');
    await registerSite(t, '2002');
    await addUser(t, '2002', person('uma@example.com'));
  });
  afterAll(() => t.close());

  it('lists the sites where the caller is a member, with their role', async () => {
    const pat = await t.http
      .get('/v1/me/sites')
      .set('Authorization', await bearer(t, 'Pat@Example.com'))
      .expect(200);
    expect(pat.body).toMatchObject({
      total: 2,
      items: [
        { siteId: '1001', role: 'primary', siteName: 'Site 1001' },
        { siteId: '2002', role: 'primary' },
      ],
    });
    const uma = await t.http
      .get('/v1/me/sites')
      .set('Authorization', await bearer(t, 'uma@example.com'))
      .expect(200);
    expect(uma.body).toMatchObject({
      total: 1,
      items: [{ siteId: '2002', role: 'user', grantedBy: 'pat@example.com' }],
    });
    await t.http.get('/v1/me/sites').expect(401);
  });

  it('keeps an eNotification e-mail per person: GET before setting, PUT, GET, unchanged PUT, bad e-mail', async () => {
    const uma = await bearer(t, 'uma@example.com');
    expect((await t.http.get('/v1/me/notification-preferences').set('Authorization', uma).expect(200)).body).toEqual({
      userId: 'uma@example.com',
      email: null,
      subscribed: true,
      updatedAt: null,
    });
    const set = await t.http
      .put('/v1/me/notification-preferences')
      .set('Authorization', uma)
      .send({ email: 'uma.alerts@example.com' })
      .expect(200);
    expect(set.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
    const read = await t.http
      .get('/v1/me/notification-preferences')
      .set('Authorization', uma)
      .set('X-Consistent-With', set.body.position)
      .expect(200);
    expect(read.body).toEqual({
      userId: 'uma@example.com',
      email: 'uma.alerts@example.com',
      subscribed: true,
      updatedAt: expect.any(String),
    });
    expect(
      (
        await t.http
          .put('/v1/me/notification-preferences')
          .set('Authorization', uma)
          .send({ email: 'uma.alerts@example.com' })
          .expect(200)
      ).body,
    ).toEqual({ changed: false });
    await expectRejected(
      t,
      () => t.http.put('/v1/me/notification-preferences').set('Authorization', uma).send({ email: 'nope' }),
      400,
      'VALIDATION_FAILED',
    );
    await expectRejected(
      t,
      () => t.http.put('/v1/me/notification-preferences').send({ email: 'a@b.example' }),
      401,
      'UNAUTHENTICATED',
    );
    const other = await t.http
      .get('/v1/me/notification-preferences')
      .set('Authorization', await bearer(t, 'pat@example.com'))
      .expect(200);
    expect(other.body.email).toBeNull();
  });
});
