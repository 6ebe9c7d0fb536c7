import type { TestApp } from '../support/test-app.js';
import { allEvents, bearer, caughtUp, person, startAppWithSite } from '../support/site-fixtures.js';

describe('Concurrency: the secondary-contact limit holds under parallel requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAppWithSite('1001');
  });
  afterAll(() => t.close());

  it('10 parallel "add a secondary" requests: exactly 4 succeed, 6 answer 409 SECONDARY_CONTACT_LIMIT', async () => {
    const pat = await bearer(t, 'pat@example.com');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.http
          .post('/v1/sites/1001/users')
          .set('Authorization', pat)
          .send(person(`s${i}@example.com`, 'secondary')),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 409, 409, 409, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(6).fill('SECONDARY_CONTACT_LIMIT'),
    );
    expect((await allEvents(t)).filter((e) => e.type === 'UserAdded')).toHaveLength(4);
    await caughtUp(t);
    const summary = await t.http.get('/v1/sites/1001').set('Authorization', pat).expect(200);
    expect(summary.body.secondaryContacts).toHaveLength(4);
    const listed = await t.http.get('/v1/sites/1001/users?role=secondary').set('Authorization', pat).expect(200);
    expect(listed.body.total).toBe(4);
  });
});
