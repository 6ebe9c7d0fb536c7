import type { TestApp } from '../support/test-app.js';
import {
  addUser,
  allEvents,
  bearer,
  contact,
  expectRejected,
  person,
  startAppWithSite,
} from '../support/site-fixtures.js';

describe('Site contacts: list, create/replace, remove, re-identification (HTTP)', () => {
  let t: TestApp;
  let pat: string;
  const staleSignIn = () => Math.floor(Date.now() / 1000) - 16 * 60;
  beforeAll(async () => {
    t = await startAppWithSite('1001');
    await addUser(t, '1001', person('cara@example.com', 'secondary', { contactUpdates: 'update' }));
    await addUser(t, '1001', person('cody@example.com', 'secondary', { contactUpdates: 'view' }));
    await addUser(t, '1001', person('uma@example.com'));
    pat = await bearer(t, 'pat@example.com');
  });
  afterAll(() => t.close());

  const billing = {
    ...contact('Bill', 'Payer', 'bill@example.com'),
    stateProvince: 'Bavaria',
    country: 'DE',
    contactTypes: ['billing', 'renewal'],
  };

  it('creates a contact with PUT, then replaces it recording field-level before/after; identical PUT changes nothing', async () => {
    const created = await t.http
      .put('/v1/sites/1001/contacts/billing')
      .set('Authorization', pat)
      .send(billing)
      .expect(200);
    expect(created.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
    const cara = await bearer(t, 'cara@example.com');
    const replaced = await t.http
      .put('/v1/sites/1001/contacts/billing')
      .set('Authorization', cara)
      .send({ ...billing, email: 'billing@example.com', contactTypes: ['billing'] })
      .expect(200);
    const last = (await allEvents(t)).at(-1)!;
    expect(last.type).toBe('ContactUpdated');
    expect(last.data).toMatchObject({
      created: false,
      changes: [
        { field: 'email', from: 'bill@example.com', to: 'billing@example.com' },
        { field: 'contactTypes', from: ['billing', 'renewal'], to: ['billing'] },
      ],
    });
    const same = await t.http
      .put('/v1/sites/1001/contacts/billing')
      .set('Authorization', cara)
      .send({ ...billing, email: 'billing@example.com', contactTypes: ['billing'] })
      .expect(200);
    expect(same.body).toEqual({ changed: false });
    const list = await t.http
      .get('/v1/sites/1001/contacts')
      .set('Authorization', pat)
      .set('X-Consistent-With', replaced.body.position)
      .expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.find((c: { contactId: string }) => c.contactId === 'billing')).toEqual({
      contactId: 'billing',
      siteId: '1001',
      firstName: 'Bill',
      lastName: 'Payer',
      email: 'billing@example.com',
      telephone: '+49 89 1234',
      address: 'Main Street 1',
      city: 'Munich',
      postalCode: '80331',
      stateProvince: 'Bavaria',
      country: 'DE',
      contactTypes: ['billing'],
      updatedBy: 'cara@example.com',
      updatedAt: expect.any(String),
      confirmationNumber: replaced.body.confirmationNumber,
    });
    const summary = await t.http.get('/v1/sites/1001').set('Authorization', pat).expect(200);
    expect(summary.body.warnings).toEqual(['MISSING_CONTACT_TYPE:renewal', 'MISSING_CONTACT_TYPE:media_shipping']);
  });

  it("never changes anyone's eNotification e-mail when a contact's e-mail changes", async () => {
    const set = await t.http
      .put('/v1/me/notification-preferences')
      .set('Authorization', pat)
      .send({ email: 'pat.notify@example.com' })
      .expect(200);
    await t.http
      .put('/v1/sites/1001/contacts/primary')
      .set('Authorization', pat)
      .send({
        ...contact('Pat', 'Primary', 'pat.new@example.com'),
        contactTypes: ['administrative'],
        userId: 'pat@example.com',
      })
      .expect(200);
    const prefs = await t.http
      .get('/v1/me/notification-preferences')
      .set('Authorization', pat)
      .set('X-Consistent-With', set.body.position)
      .expect(200);
    expect(prefs.body).toMatchObject({ userId: 'pat@example.com', email: 'pat.notify@example.com' });
  });

  it('refuses 401, 403 (plain user, view-only secondary, auditor), 400, REAUTHENTICATION_REQUIRED, NOT_A_MEMBER, 404', async () => {
    const path = '/v1/sites/1001/contacts/shipping';
    const body = { ...contact('Sid', 'Shipper', 'sid@example.com'), contactTypes: ['media_shipping'] };
    const put =
      (auth: string, b: object = body, p = path) =>
      () =>
        t.http.put(p).set('Authorization', auth).send(b);
    await expectRejected(t, () => t.http.put(path).send(body), 401, 'UNAUTHENTICATED');
    await expectRejected(t, put(await bearer(t, 'uma@example.com')), 403, 'FORBIDDEN');
    await expectRejected(t, put(await bearer(t, 'cody@example.com')), 403, 'FORBIDDEN');
    await expectRejected(t, put(await bearer(t, 'au@example.com', { roles: ['auditor'] })), 403, 'FORBIDDEN');
    const bad = await expectRejected(
      t,
      put(pat, { ...body, telephone: '', contactTypes: ['fax'], postalCode: undefined }),
      400,
      'VALIDATION_FAILED',
    );
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'contactTypes',
      'postalCode',
      'telephone',
    ]);
    await expectRejected(t, put(pat, body, '/v1/sites/1001/contacts/bad%20id'), 400, 'VALIDATION_FAILED');
    await expectRejected(
      t,
      put(await bearer(t, 'pat@example.com', { authTime: staleSignIn() })),
      401,
      'REAUTHENTICATION_REQUIRED',
    );
    await expectRejected(
      t,
      put(await bearer(t, 'op@example.com', { roles: ['operator'], authTime: staleSignIn() })),
      401,
      'REAUTHENTICATION_REQUIRED',
    );
    await expectRejected(t, put(pat, { ...body, userId: 'stranger@example.com' }), 409, 'NOT_A_MEMBER');
    await expectRejected(t, put(pat, body, '/v1/sites/9999/contacts/shipping'), 404, 'NOT_FOUND');
    await t.http
      .put(path)
      .set('Authorization', await bearer(t, 'op@example.com', { roles: ['operator'] }))
      .send(body)
      .expect(200);
  });

  it('lists contacts for the primary, contact viewers, operators and auditors only', async () => {
    for (const caller of [
      await bearer(t, 'cody@example.com'),
      await bearer(t, 'au@example.com', { roles: ['auditor'] }),
      await bearer(t, 'op@example.com', { roles: ['operator'] }),
    ]) {
      await t.http.get('/v1/sites/1001/contacts').set('Authorization', caller).expect(200);
    }
    expect(
      (
        await t.http
          .get('/v1/sites/1001/contacts')
          .set('Authorization', await bearer(t, 'uma@example.com'))
          .expect(403)
      ).body.code,
    ).toBe('FORBIDDEN');
    await t.http.get('/v1/sites/1001/contacts').expect(401);
  });

  it('removes a contact with a fresh sign-in; refuses stale sign-ins, outsiders and unknown contacts', async () => {
    const path = '/v1/sites/1001/contacts/shipping';
    await expectRejected(t, () => t.http.delete(path), 401, 'UNAUTHENTICATED');
    const uma = await bearer(t, 'uma@example.com');
    await expectRejected(t, () => t.http.delete(path).set('Authorization', uma), 403, 'FORBIDDEN');
    const stale = await bearer(t, 'cara@example.com', { authTime: staleSignIn() });
    await expectRejected(t, () => t.http.delete(path).set('Authorization', stale), 401, 'REAUTHENTICATION_REQUIRED');
    const res = await t.http
      .delete(path)
      .set('Authorization', await bearer(t, 'cara@example.com'))
      .expect(200);
    expect(res.body.confirmationNumber).toEqual(expect.any(String));
    await expectRejected(t, () => t.http.delete(path).set('Authorization', pat), 404, 'NOT_FOUND');
    const list = await t.http
      .get('/v1/sites/1001/contacts')
      .set('Authorization', pat)
      .set('X-Consistent-With', res.body.position)
      .expect(200);
    expect(list.body.items.map((c: { contactId: string }) => c.contactId)).toEqual(['billing', 'primary']);
  });
});
