import type { TestApp } from '../support/test-app.js';
import { bearer, expectRejected, startAppWithSite } from '../support/site-fixtures.js';

const REQUEST = '00000000-0000-4000-8000-000000000001';
/** Every site-access route, with a body good enough to pass validation. */
const ROUTES: [method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, body: object | null][] = [
  ['post', '/v1/sites', {}],
  ['get', '/v1/sites/1001', null],
  ['get', '/v1/sites/1001/users', null],
  ['get', '/v1/sites/1001/users/report.csv', null],
  ['post', '/v1/sites/1001/users', {}],
  ['get', '/v1/sites/1001/users/pat@example.com/access', null],
  ['patch', '/v1/sites/1001/users/pat@example.com', {}],
  ['delete', '/v1/sites/1001/users/pat@example.com', null],
  ['post', '/v1/sites/1001/primary-contact', {}],
  ['post', '/v1/sites/1001/access-requests', {}],
  ['get', '/v1/sites/1001/access-requests', null],
  ['patch', `/v1/sites/1001/access-requests/${REQUEST}`, {}],
  ['post', `/v1/sites/1001/access-requests/${REQUEST}/grant`, {}],
  ['post', `/v1/sites/1001/access-requests/${REQUEST}/deny`, {}],
  ['get', '/v1/sites/1001/contacts', null],
  ['put', '/v1/sites/1001/contacts/billing', {}],
  ['delete', '/v1/sites/1001/contacts/billing', null],
  ['get', '/v1/me/sites', null],
  ['get', '/v1/me/access-requests', null],
  ['get', '/v1/me/notifications', null],
  ['get', '/v1/me/notification-preferences', null],
  ['put', '/v1/me/notification-preferences', {}],
];

describe('Every site-access route: authentication and path validation (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAppWithSite('1001');
  });
  afterAll(() => t.close());

  it.each(ROUTES)(
    '%s %s answers 401 problem+json without a valid token and records nothing',
    async (method, path, body) => {
      const send = (auth?: string) => () => {
        const req = t.http[method](path);
        if (auth) req.set('Authorization', auth);
        return body ? req.send(body) : req;
      };
      await expectRejected(t, send(), 401, 'UNAUTHENTICATED');
      await expectRejected(t, send('Bearer not.a.token'), 401, 'UNAUTHENTICATED');
    },
  );

  it.each([
    ['delete', '/v1/sites/1001/users/' + 'x'.repeat(255), 'userId', {}],
    ['delete', '/v1/sites/1001/contacts/no%20spaces', 'contactId', {}],
    ['post', '/v1/sites/10/access-requests/' + REQUEST + '/deny', 'siteId', { reason: 'x' }],
    ['patch', '/v1/sites/1001/access-requests/12', 'requestId', { businessJustification: 'long enough text' }],
  ] as const)('%s %s names the bad path parameter in a 400', async (method, path, field, body) => {
    const pat = await bearer(t, 'pat@example.com');
    const res = await expectRejected(
      t,
      () => t.http[method](path).set('Authorization', pat).send(body),
      400,
      'VALIDATION_FAILED',
    );
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('a missing or null required field gets one message saying it is required, not every constraint it fails', async () => {
    const operator = await bearer(t, 'op@example.com', { roles: ['operator'] });
    const res = await expectRejected(
      t,
      () =>
        t.http
          .post('/v1/sites')
          .set('Authorization', operator)
          .send({
            siteId: '1002',
            name: 'Missing fields',
            primaryContact: {
              userId: 'pat@example.com',
              firstName: 'Pat',
              lastName: 'P',
              email: 'pat@example.com',
              city: null,
            },
            surplus: null,
          }),
      400,
      'VALIDATION_FAILED',
    );
    const errors = res.body.errors as { field: string; message: string }[];
    expect(errors.filter((e) => e.field === 'primaryContact.telephone')).toEqual([
      { field: 'primaryContact.telephone', message: 'telephone is required' },
    ]);
    expect(errors.filter((e) => e.field === 'primaryContact.city')).toEqual([
      { field: 'primaryContact.city', message: 'city is required (null is not a value here)' },
    ]);
    // An unknown field stays an unknown field, even when null.
    expect(errors.filter((e) => e.field === 'surplus')).toEqual([
      { field: 'surplus', message: 'property surplus should not exist' },
    ]);
    // A present but wrong value still gets its constraints' own messages.
    const wrong = await expectRejected(
      t,
      () =>
        t.http
          .post('/v1/sites')
          .set('Authorization', operator)
          .send({ siteId: '1002', name: 'x'.repeat(500) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrong.body.errors).toContainEqual({
      field: 'name',
      message: expect.stringMatching(/shorter than or equal/),
    });
  });
});
