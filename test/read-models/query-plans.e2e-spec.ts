import { DOCUMENT_STORE, type DocumentStore, type QueryPlan, SqliteDocumentStore, findFullScans } from '#read-store';
import { PARTNER_COLLECTIONS } from '#partner-profile/projections/read-models';
import { SITE_COLLECTIONS } from '#site-access/projections/read-models';
import { hire, locationPath } from '../partner-profile/partner-steps.js';
import { registerEnterprise } from '../support/partner-fixtures.js';
import { addUser, bearer, caughtUp, contact, nominate, person, registerSite } from '../support/site-fixtures.js';
import { type TestApp, startTestApp } from '../support/test-app.js';

/** Collections that stay small whatever the history: one row per projection. */
const BOUNDED = ['_checkpoints'];

/**
 * Drives every query route the API has, as every kind of caller, against the persisted read store,
 * then asks SQLite for the plan of every SELECT the store issued: none may read a whole collection
 * that grows with the history.
 */
describe('Read models: every query the product issues is served by an index (EXPLAIN QUERY PLAN)', () => {
  let t: TestApp;
  let plans: QueryPlan[];

  beforeAll(async () => {
    t = await startTestApp();
    const get = async (
      path: string,
      who: string,
      roles: ('operator' | 'auditor')[] = [],
      query: Record<string, string> = {},
    ) => {
      const res = await t.http
        .get(path)
        .query(query)
        .set('Authorization', await bearer(t, who, { roles }));
      expect(res.status).toBeLessThan(500);
      return res;
    };
    await registerSite(t, '7001', 'pat@example.com');
    await addUser(
      t,
      '7001',
      person('sam@example.com', 'secondary', { manageAccess: 'update', contactUpdates: 'update' }),
    );
    const { requestId } = await nominate(t, '7001', 'nina@example.com');
    const granted = await t.http
      .post(`/v1/sites/7001/access-requests/${requestId}/grant`)
      .set('Authorization', await bearer(t, 'pat@example.com'))
      .send({ role: 'user', privileges: {} })
      .expect(200);
    await t.http
      .put('/v1/sites/7001/contacts/billing')
      .set('Authorization', await bearer(t, 'pat@example.com', { authTime: Math.floor(Date.now() / 1000) }))
      .send({ ...contact('Bea', 'B', 'bea@example.com'), contactTypes: ['billing'] })
      .expect(200);
    const acme = await registerEnterprise(t, 'paula@example.com');
    await hire(t, acme.enterpriseId, acme.locationId, acme.companyToken, 'andy@example.com', 'paula@example.com', {
      role: 'apa',
    });
    await t.http
      .post(`${locationPath(acme.enterpriseId, acme.locationId)}/self-associations`)
      .set('Authorization', await bearer(t, 'ola@example.com'))
      .send({ companyToken: acme.companyToken, firstName: 'Ola', lastName: 'O', email: 'ola@example.com' })
      .expect(201);
    await caughtUp(t);

    for (const who of ['pat@example.com', 'sam@example.com', 'nina@example.com', 'nobody@example.com']) {
      for (const path of [
        '/v1/sites/7001',
        '/v1/sites/7001/users',
        '/v1/sites/7001/users/report.csv',
        '/v1/sites/7001/users/nina@example.com/access',
        '/v1/sites/7001/users/nina@example.com/history',
        '/v1/sites/7001/access-requests',
        '/v1/sites/7001/contacts',
      ]) {
        await get(path, who);
      }
      for (const path of [
        '/v1/me',
        '/v1/me/sites',
        '/v1/me/access-requests',
        '/v1/me/notifications',
        '/v1/me/notification-preferences',
        '/v1/audit',
        '/v1/audit.csv',
        `/v1/confirmations/${granted.body.confirmationNumber}`,
      ]) {
        await get(path, who);
      }
    }
    await get('/v1/sites/7001/users', 'pat@example.com', [], { role: 'user', q: 'nin', limit: '10', offset: '0' });
    await get('/v1/sites/7001/access-requests', 'pat@example.com', [], { status: 'granted' });
    // finding requests by name and e-mail: the site's requests by index, the words tested on those only
    await get('/v1/sites/7001/access-requests', 'pat@example.com', [], { q: 'nina', limit: '10', offset: '0' });
    await get('/v1/sites/7001/access-requests', 'pat@example.com', [], { q: 'nina example', status: 'granted' });
    await get(`/v1/sites/7001/access-requests/${requestId}`, 'pat@example.com');
    // (nobody@'s 403s above looked up a pending request of theirs, as a stranger's first sign-in does)
    await get('/v1/sites/7001/users', 'op@example.com', ['operator']);
    for (const query of [
      {},
      { actorId: 'pat@example.com' },
      { targetUserId: 'nina@example.com' },
      { siteId: '7001' },
      { enterpriseId: acme.enterpriseId },
      { locationId: acme.locationId },
      { action: 'GrantAccess' },
      { from: '2020-01-01T00:00:00Z', to: '2099-01-01T00:00:00Z' },
    ] as Record<string, string>[]) {
      await get('/v1/audit', 'audrey@example.com', ['auditor'], query);
      await get('/v1/audit', 'pat@example.com', [], query);
    }
    for (const who of ['paula@example.com', 'andy@example.com', 'ola@example.com', 'audrey@example.com']) {
      const roles: 'auditor'[] = who.startsWith('audrey') ? ['auditor'] : [];
      await get(`/v1/enterprises/${acme.enterpriseId}`, who, roles);
      for (const tail of ['employees', 'self-associations', 'prc-communications-recipients'])
        await get(`${locationPath(acme.enterpriseId, acme.locationId)}/${tail}`, who, roles);
      await get('/v1/audit', who, roles, { locationId: acme.locationId });
    }
    await get(`${locationPath(acme.enterpriseId, acme.locationId)}/self-associations`, 'paula@example.com', [], {
      status: 'pending',
    });
    const store = t.app.get<symbol, DocumentStore>(DOCUMENT_STORE);
    expect(store).toBeInstanceOf(SqliteDocumentStore);
    plans = (store as SqliteDocumentStore).queryPlans();
  });
  afterAll(() => t.close());

  it('audited the queries of every read model the routes use', () => {
    const audited = new Set(plans.map((p) => p.collection));
    // user_preferences is only ever read by _id, the primary key (no SELECT to audit).
    const queried = [...Object.values(SITE_COLLECTIONS), ...Object.values(PARTNER_COLLECTIONS), 'audit_trail'].filter(
      (c) => c !== SITE_COLLECTIONS.preferences,
    );
    for (const collection of queried) {
      expect({ collection, audited: audited.has(collection) }).toEqual({ collection, audited: true });
    }
  });

  it('finds no full scan of a collection that grows with the history', () => {
    const scans = findFullScans({ queryPlans: () => plans }, BOUNDED).map((p) => ({
      collection: p.collection,
      sql: p.sql,
      plan: p.plan,
    }));
    expect(scans).toEqual([]);
  });
});
