import type { Response } from 'supertest';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { addUser, bearer, caughtUp, contact, nominate, person } from '../support/site-fixtures.js';
import { type Registered, employeeInput, locationInput, selfAssociate } from '../support/partner-fixtures.js';
import { type OpenApiDocument, fetchDocument, operations } from './openapi-document.js';
import { violations } from './schema-conformance.js';

/**
 * The schemas describe what the routes really answer: real answers of (almost) every route,
 * checked strictly against their documented schema — no undeclared field, no missing required one.
 */
describe('OpenAPI document: real answers conform to the documented response schemas', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  const checked = new Set<string>();
  const problems: string[] = [];

  /** Checks one answer against the schema its operation documents for its status and content type. */
  function conform(method: string, template: string, res: Response): Response {
    const operation = document.paths[template]?.[method];
    const response = operation?.responses?.[String(res.status)];
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0] ?? '';
    const schema = response?.content?.[mediaType]?.schema;
    const id = `${method.toUpperCase()} ${template} ${res.status} ${mediaType}`;
    if (res.status < 300) checked.add(`${method.toUpperCase()} ${template}`);
    if (!schema) problems.push(`${id}: not documented`);
    else {
      const body = mediaType === 'text/csv' ? res.text : res.body;
      problems.push(...violations(document, schema, body).map((v) => `${id}: ${v}`));
    }
    return res;
  }

  beforeAll(async () => {
    t = await startTestApp();
    document = await fetchDocument(t);
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    problems.length = 0;
  });

  it('site access, me, audit and health answers conform', async () => {
    const pat = await bearer(t, 'pat@example.com', { authTime: Math.floor(Date.now() / 1000) });
    const auditor = await bearer(t, 'audrey@example.com', { roles: ['auditor'] });
    const op = await bearer(t, 'op@example.com', { roles: ['operator'] });
    const S = '/v1/sites/{siteId}';

    conform('get', '/v1/sign-in/options', await t.http.get('/v1/sign-in/options'));

    conform(
      'post',
      '/v1/sites',
      await t.http
        .post('/v1/sites')
        .set('Authorization', op)
        .send({
          siteId: '2001',
          name: 'Conform',
          primaryContact: { userId: 'pat@example.com', ...contact('Pat', 'Primary', 'pat@example.com') },
        }),
    );
    await caughtUp(t);
    conform(
      'post',
      `${S}/users`,
      await t.http
        .post('/v1/sites/2001/users')
        .set('Authorization', pat)
        .send(person('sec@example.com', 'secondary', { manageAccess: 'view' })),
    );
    await caughtUp(t);
    conform(
      'patch',
      `${S}/users/{userId}`,
      await t.http
        .patch('/v1/sites/2001/users/sec@example.com')
        .set('Authorization', pat)
        .send({ role: 'secondary', privileges: { manageAccess: 'view' } }),
    );
    const request = await nominate(t, '2001', 'nina@example.com');
    conform(
      'patch',
      `${S}/access-requests/{requestId}`,
      await t.http
        .patch(`/v1/sites/2001/access-requests/${request.requestId}`)
        .set('Authorization', pat)
        .send({ businessJustification: 'I need the software downloads, truly' }),
    );
    conform(
      'post',
      `${S}/access-requests/{requestId}/deny`,
      await t.http
        .post(`/v1/sites/2001/access-requests/${request.requestId}/deny`)
        .set('Authorization', pat)
        .send({ reason: 'not our company' }),
    );
    conform(
      'post',
      `${S}/access-requests`,
      await t.http
        .post('/v1/sites/2001/access-requests')
        .set('Authorization', await bearer(t, 'gus@example.com'))
        .send({
          firstName: 'Gus',
          lastName: 'Grant',
          email: 'gus@example.com',
          businessJustification: 'I need the reporting view',
        }),
    );
    await caughtUp(t);
    const pending = await t.http.get('/v1/sites/2001/access-requests?status=pending').set('Authorization', pat);
    conform('get', `${S}/access-requests`, pending);
    conform(
      'post',
      `${S}/access-requests/{requestId}/grant`,
      await t.http
        .post(`/v1/sites/2001/access-requests/${pending.body.items[0].requestId}/grant`)
        .set('Authorization', pat)
        .send({ role: 'user', privileges: { reporting: 'view' } }),
    );
    // A requester without a verified address (an opaque sub, no email claim): the decision e-mail has nobody to go to.
    const ivy = await bearer(t, 'ivy-7');
    const ivyRequest = await t.http.post('/v1/sites/2001/access-requests').set('Authorization', ivy).send({
      firstName: 'Ivy',
      lastName: 'Opaque',
      email: 'ivy@example.com',
      businessJustification: 'I need the reports',
    });
    expect(ivyRequest.body).toMatchObject({ requestId: expect.any(String) });
    expect(
      (
        await t.http
          .post(`/v1/sites/2001/access-requests/${ivyRequest.body.requestId}/deny`)
          .set('Authorization', pat)
          .send({ reason: 'no' })
      ).status,
    ).toBe(200);
    await caughtUp(t);
    const unsendable = conform(
      'get',
      '/v1/me/notifications',
      await t.http.get('/v1/me/notifications').set('Authorization', ivy),
    );
    expect(unsendable.body.items).toEqual([expect.objectContaining({ to: null, status: 'no_verified_address' })]);
    conform(
      'put',
      `${S}/contacts/{contactId}`,
      await t.http
        .put('/v1/sites/2001/contacts/billing')
        .set('Authorization', pat)
        .send({ ...contact('Bill', 'Payer', 'bill@example.com'), country: 'DE', contactTypes: ['billing'] }),
    );
    conform(
      'post',
      `${S}/contacts/{contactId}/review`,
      await t.http.post('/v1/sites/2001/contacts/billing/review').set('Authorization', pat),
    );
    await addUser(t, '2001', person('uma@example.com'));
    conform(
      'patch',
      `${S}/users/{userId}/details`,
      await t.http
        .patch('/v1/sites/2001/users/sec@example.com/details')
        .set('Authorization', pat)
        .send({ lastName: 'Umbra', telephone: '+49 89 777' }),
    );
    conform(
      'delete',
      `${S}/users/{userId}`,
      await t.http.delete('/v1/sites/2001/users/uma@example.com').set('Authorization', pat),
    );
    conform(
      'put',
      '/v1/me/notification-preferences',
      await t.http
        .put('/v1/me/notification-preferences')
        .set('Authorization', pat)
        .send({ email: 'pat.notify@example.com' }),
    );
    await caughtUp(t);

    const asOf = new Date().toISOString();
    for (const [template, path, who] of [
      [S, '/v1/sites/2001', pat],
      [`${S}/users`, '/v1/sites/2001/users', pat],
      [`${S}/users`, `/v1/sites/2001/users?asOf=${asOf}`, pat],
      [`${S}/users/report.csv`, '/v1/sites/2001/users/report.csv', pat],
      [`${S}/users/{userId}/access`, '/v1/sites/2001/users/sec@example.com/access', pat],
      [`${S}/users/{userId}/access`, `/v1/sites/2001/users/sec@example.com/access?asOf=${asOf}`, pat],
      [`${S}/users/{userId}/access`, '/v1/sites/2001/users/nobody@example.com/access', pat],
      [`${S}/users/{userId}/history`, '/v1/sites/2001/users/sec@example.com/history', pat],
      [`${S}/access-requests`, '/v1/sites/2001/access-requests', pat],
      [`${S}/access-requests`, '/v1/sites/2001/access-requests?q=nina', pat],
      [`${S}/access-requests/{requestId}`, `/v1/sites/2001/access-requests/${request.requestId}`, pat],
      [`${S}/contacts`, '/v1/sites/2001/contacts', pat],
      [`${S}/recipients`, '/v1/sites/2001/recipients?type=billing', pat],
      [`${S}/recipients`, '/v1/sites/2001/recipients?type=renewal', pat],
      ['/v1/me', '/v1/me', pat],
      ['/v1/me/sites', '/v1/me/sites', pat],
      ['/v1/me/access-requests', '/v1/me/access-requests', await bearer(t, 'nina@example.com')],
      ['/v1/me/notifications', '/v1/me/notifications', await bearer(t, 'gus@example.com')],
      ['/v1/me/notification-preferences', '/v1/me/notification-preferences', pat],
      ['/v1/audit', '/v1/audit?siteId=2001', auditor],
      ['/v1/audit', '/v1/audit', pat],
      ['/v1/audit.csv', '/v1/audit.csv', auditor],
      ['/v1/confirmations/{confirmationNumber}', `/v1/confirmations/${request.confirmationNumber}`, auditor],
      ['/v1/confirmations/{confirmationNumber}', '/v1/confirmations/nonsense', auditor],
      ['/health', '/health', ''],
    ] as const) {
      conform('get', template, await t.http.get(path).set('Authorization', who));
    }
    conform('get', `${S}/users`, await t.http.get('/v1/sites/2001/users'));
    conform('get', S, await t.http.get('/v1/sites/2001').set('Authorization', await bearer(t, 'stranger@example.com')));
    conform('post', '/v1/sites', await t.http.post('/v1/sites').set('Authorization', op).send({ siteId: 'x' }));
    conform(
      'post',
      '/v1/sites',
      await t.http
        .post('/v1/sites')
        .set('Authorization', op)
        .send({
          siteId: '2001',
          name: 'Again',
          primaryContact: { userId: 'pat@example.com', ...contact('Pat', 'Primary', 'pat@example.com') },
        }),
    );
    conform(
      'post',
      `${S}/primary-contact`,
      await t.http
        .post('/v1/sites/2001/primary-contact')
        .set('Authorization', pat)
        .send({ userId: 'sec@example.com', formerPrimaryRole: 'secondary' }),
    );
    conform(
      'delete',
      `${S}/contacts/{contactId}`,
      await t.http
        .delete('/v1/sites/2001/contacts/billing')
        .set('Authorization', await bearer(t, 'sec@example.com', { authTime: Math.floor(Date.now() / 1000) })),
    );

    expect(problems).toEqual([]);
  });

  it('partner profile answers conform', async () => {
    const E = '/v1/enterprises/{enterpriseId}';
    const L = `${E}/locations/{locationId}`;
    const paula = await bearer(t, 'paula@example.com');
    const enterprise = conform(
      'post',
      '/v1/enterprises',
      await t.http
        .post('/v1/enterprises')
        .set('Authorization', paula)
        .send({
          name: 'Acme',
          countryEnterpriseName: 'Acme US',
          location: locationInput('Acme HQ'),
          employee: employeeInput('paula@example.com'),
        }),
    ).body as Registered;
    await caughtUp(t);
    const base = `/v1/enterprises/${enterprise.enterpriseId}`;
    const loc = `${base}/locations/${enterprise.locationId}`;
    const second = conform(
      'post',
      `${E}/locations`,
      await t.http
        .post(`${base}/locations`)
        .set('Authorization', paula)
        .send({ ...locationInput('Acme DE', 'DE'), employee: employeeInput('paula@example.com') }),
    ).body as Registered;
    await caughtUp(t);
    const pendingAt = async (userId: string) =>
      (await selfAssociate(t, enterprise.enterpriseId, second.locationId, second.companyToken, userId)).associationId;
    const [fay, gil, hal] = [
      await pendingAt('fay@example.com'),
      await pendingAt('gil@example.com'),
      await pendingAt('hal@example.com'),
    ];
    conform(
      'post',
      `${E}/self-associations/{associationId}/approve`,
      await t.http.post(`${base}/self-associations/${fay}/approve`).set('Authorization', paula),
    );
    conform(
      'post',
      `${E}/self-associations/{associationId}/deny`,
      await t.http
        .post(`${base}/self-associations/${gil}/deny`)
        .set('Authorization', paula)
        .send({ reason: 'unknown to us' }),
    );
    conform(
      'post',
      `${L}/self-associations/{associationId}/deny`,
      await t.http
        .post(`${base}/locations/${second.locationId}/self-associations/${hal}/deny`)
        .set('Authorization', paula)
        .send({}),
    );
    conform(
      'put',
      `${L}/settings`,
      await t.http.put(`${loc}/settings`).set('Authorization', paula).send({ autoAcceptSelfAssociation: true }),
    );
    conform(
      'put',
      `${L}/settings`,
      await t.http.put(`${loc}/settings`).set('Authorization', paula).send({ autoAcceptSelfAssociation: true }),
    );
    await caughtUp(t);
    await selfAssociate(t, enterprise.enterpriseId, enterprise.locationId, enterprise.companyToken, 'eve@example.com');
    conform(
      'post',
      `${L}/self-associations`,
      await t.http
        .post(`${base}/locations/${second.locationId}/self-associations`)
        .set('Authorization', await bearer(t, 'dan@example.com'))
        .send({ companyToken: second.companyToken, firstName: 'Dan', lastName: 'D', email: 'dan@example.com' }),
    );
    await caughtUp(t);
    const pending = await t.http
      .get(`${base}/locations/${second.locationId}/self-associations?status=pending`)
      .set('Authorization', paula);
    conform('get', `${L}/self-associations`, pending);
    conform(
      'post',
      `${L}/self-associations/{associationId}/approve`,
      await t.http
        .post(`${base}/locations/${second.locationId}/self-associations/${pending.body.items[0].associationId}/approve`)
        .set('Authorization', paula),
    );
    conform(
      'put',
      `${L}/employees/{userId}/access-role`,
      await t.http
        .put(`${loc}/employees/eve@example.com/access-role`)
        .set('Authorization', paula)
        .send({ accessRole: 'distributor' }),
    );
    conform(
      'put',
      `${L}/employees/{userId}/tci-roles`,
      await t.http
        .put(`${loc}/employees/eve@example.com/tci-roles`)
        .set('Authorization', paula)
        .send({ businessContact: true, secondaryBusinessContact: false }),
    );
    conform(
      'put',
      `${L}/employees/{userId}/profile`,
      await t.http
        .put(`${loc}/employees/eve@example.com/profile`)
        .set('Authorization', paula)
        .send({ firstName: 'Eve', lastName: 'E', email: 'eve@example.com', telephone: '+1 555' }),
    );
    conform(
      'put',
      `${L}/profile`,
      await t.http
        .put(`${loc}/profile`)
        .set('Authorization', paula)
        .send({ name: 'Acme HQ 2', address: '2 Way', city: 'Austin', postalCode: '73301', partnerTier: 2 }),
    );
    conform('post', `${L}/company-token`, await t.http.post(`${loc}/company-token`).set('Authorization', paula));
    conform(
      'put',
      `${L}/primary-relationship-contact`,
      await t.http
        .put(`${loc}/primary-relationship-contact`)
        .set('Authorization', paula)
        .send({ userId: 'paula@example.com' }),
    );
    await caughtUp(t);

    const eve = await bearer(t, 'eve@example.com');
    for (const [template, path, who] of [
      [E, base, paula],
      [`${L}/employees`, `${loc}/employees`, paula],
      [`${L}/employees`, `${loc}/employees`, eve],
      [`${L}/employees`, `${loc}/employees?asOf=${new Date().toISOString()}`, paula],
      [`${L}/self-associations`, `${loc}/self-associations`, paula],
      [`${L}/prc-communications-recipients`, `${loc}/prc-communications-recipients`, paula],
      [E, '/v1/enterprises/nope', paula],
    ] as const) {
      conform('get', template, await t.http.get(path).set('Authorization', who));
    }
    conform(
      'delete',
      `${L}/employees/{userId}`,
      await t.http.delete(`${loc}/employees/eve@example.com`).set('Authorization', eve),
    );
    conform(
      'post',
      `${E}/self-associations/{associationId}/deny`,
      await t.http.post(`${base}/self-associations/nope/deny`).set('Authorization', paula).send({}),
    );

    expect(problems).toEqual([]);
  });

  it('partner profile answers of issue 13 conform (me, join with a token alone, edits, direct add, location, compliance)', async () => {
    const E = '/v1/enterprises/{enterpriseId}';
    const L = `${E}/locations/{locationId}`;
    const rita = await bearer(t, 'rita@example.com');
    const enterprise = (
      await t.http
        .post('/v1/enterprises')
        .set('Authorization', rita)
        .send({
          name: 'Conform Co',
          countryEnterpriseName: 'Conform US',
          location: locationInput('Conform HQ'),
          employee: employeeInput('rita@example.com'),
        })
        .expect(201)
    ).body as Registered;
    const base = `/v1/enterprises/${enterprise.enterpriseId}`;
    const loc = `${base}/locations/${enterprise.locationId}`;
    const de = (
      await t.http
        .post(`${base}/locations`)
        .set('Authorization', rita)
        .send({ ...locationInput('Conform DE', 'DE'), employee: employeeInput('rita@example.com') })
        .expect(201)
    ).body as Registered;
    conform(
      'post',
      `${L}/employees`,
      await t.http
        .post(`${loc}/employees`)
        .set('Authorization', rita)
        .send({ userId: 'vic@example.com', ...employeeInput('vic@example.com'), accessRole: 'view_only' }),
    );
    conform(
      'post',
      '/v1/self-associations',
      await t.http
        .post('/v1/self-associations')
        .set('Authorization', await bearer(t, 'jon@example.com'))
        .send({ companyToken: enterprise.companyToken, ...employeeInput('jon@example.com') }),
    );
    conform(
      'put',
      `${E}/profile`,
      await t.http.put(`${base}/profile`).set('Authorization', rita).send({ name: 'Conform Worldwide' }),
    );
    conform(
      'put',
      `${E}/country-enterprises/{countryEnterpriseId}/profile`,
      await t.http
        .put(`${base}/country-enterprises/${de.countryEnterpriseId}/profile`)
        .set('Authorization', rita)
        .send({ name: 'Conform Deutschland' }),
    );
    conform(
      'put',
      `${E}/country-enterprises/{countryEnterpriseId}/headquarters`,
      await t.http
        .put(`${base}/country-enterprises/${enterprise.countryEnterpriseId}/headquarters`)
        .set('Authorization', rita)
        .send({ locationId: enterprise.locationId }),
    );
    conform(
      'put',
      `${E}/headquarters`,
      await t.http.put(`${base}/headquarters`).set('Authorization', rita).send({ locationId: de.locationId }),
    );
    await t.http.post(`${loc}/company-token`).set('Authorization', rita).expect(200);
    await caughtUp(t);
    const vic = await bearer(t, 'vic@example.com');
    const jon = await bearer(t, 'jon@example.com');
    for (const [template, path, who] of [
      ['/v1/me/locations', '/v1/me/locations', vic],
      ['/v1/me/self-associations', '/v1/me/self-associations', jon],
      [L, loc, rita],
      [L, loc, vic],
      [E, base, vic],
      [`${L}/employees`, `${loc}/employees`, vic],
      [`${L}/compliance-summary`, `${loc}/compliance-summary`, rita],
    ] as const) {
      conform('get', template, await t.http.get(path).set('Authorization', who).expect(200));
    }
    expect(problems).toEqual([]);
  });

  it('checked a success answer of every operation', () => {
    const unchecked = operations(document)
      .map(({ id }) => id)
      .filter((id) => !checked.has(id));
    expect(unchecked).toEqual([]);
  });
});
