import type { TestApp } from './test-app.js';

export const contact = (first: string, last: string, email: string) => ({
  firstName: first,
  lastName: last,
  email,
  telephone: '+49 89 1234',
  address: 'Main Street 1',
  city: 'Munich',
  postalCode: '80331',
});

/** Registers a site with `primary` as its primary contact (as an operator) and waits for the read models. */
export async function registerSite(t: TestApp, siteId: string, primary = 'pat@example.com') {
  const operator = await t.token('op@example.com', { roles: ['operator'] });
  const res = await t.http
    .post('/v1/sites')
    .set('Authorization', `Bearer ${operator}`)
    .send({ siteId, name: `Site ${siteId}`, primaryContact: { userId: primary, ...contact('Pat', 'Primary', primary) } })
    .expect(201);
  return res.body as { siteId: string; confirmationNumber: string; position: string };
}

/** Every event in the store, to prove a rejected command recorded nothing. */
export async function allEvents(t: TestApp) {
  const { EVENT_STORE } = await import('../../libs/event-store/src/index.js');
  const store = t.app.get(EVENT_STORE);
  return store.readAll({ limit: 1_000_000 });
}
