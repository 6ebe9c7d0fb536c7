import { type TestApp, startTestApp } from '../support/test-app.js';
import { bearer } from '../support/site-fixtures.js';
import { employeeInput, locationInput, registerEnterprise } from '../support/partner-fixtures.js';

describe('probe', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(() => t.close());
  it('probes', async () => {
    const paula = await bearer(t, 'paula@example.com');
    const good = { name: 'Acme', countryEnterpriseName: 'Acme US', location: locationInput('HQ'), employee: employeeInput('paula@example.com') };
    const cases: [string, object][] = [
      ['no location', { ...good, location: undefined }],
      ['no employee', { ...good, employee: undefined }],
      ['location string', { ...good, location: 'x' }],
      ['employee null', { ...good, employee: null }],
      ['employee array', { ...good, employee: [] }],
      ['location array', { ...good, location: [] }],
    ];
    for (const [name, body] of cases) {
      const res = await t.http.post('/v1/enterprises').set('Authorization', paula).send(body);
      console.log(name, res.status, JSON.stringify(res.body));
      if (res.status === 201) { await new Promise((r) => setTimeout(r, 200)); const h = await t.http.get(`/v1/enterprises/${res.body.enterpriseId}/locations/${res.body.locationId}/employees`).set('Authorization', paula); console.log('emps', res.status, JSON.stringify(h.body)); }
    }
    const reg = await registerEnterprise(t);
    for (const [name, body] of [['no employee', locationInput('X')], ['employee null', { ...locationInput('X'), employee: null }]] as [string, object][]) {
      const res = await t.http.post(`/v1/enterprises/${reg.enterpriseId}/locations`).set('Authorization', paula).send(body);
      console.log('loc', name, res.status, JSON.stringify(res.body));
    }
    const res = await t.http.put(`/v1/enterprises/${reg.enterpriseId}/locations/${reg.locationId}/employees/paula@example.com/access-role`).set('Authorization', paula).send({});
    console.log('role {}', res.status, JSON.stringify(res.body));
    const r2 = await t.http.get(`/v1/enterprises/${reg.enterpriseId}/locations/${reg.locationId}/employees?asOf=2020-01-01T00:00:00Z`).set('Authorization', paula);
    console.log('asOf', r2.status, JSON.stringify(r2.body));
  });
});
