import type { TestApp } from './test-app.js';
import { bearer, caughtUp } from './site-fixtures.js';

export const locationInput = (name: string, country = 'US', partnerTier: 1 | 2 = 2) => ({
  name,
  address: '1 Partner Way',
  city: 'Austin',
  postalCode: '73301',
  country,
  partnerTier,
});

export const employeeInput = (userId: string) => {
  const [name] = userId.split('@');
  return { firstName: name![0]!.toUpperCase() + name!.slice(1), lastName: 'Partner', email: userId };
};

export interface Registered {
  enterpriseId: string;
  countryEnterpriseId: string;
  locationId: string;
  companyToken: string;
  confirmationNumber: string;
  position: string;
}

/** Registers an enterprise with `prc` as the PRC of its worldwide HQ location. */
export async function registerEnterprise(
  t: TestApp,
  prc = 'paula@example.com',
  country = 'US',
  tier: 1 | 2 = 2,
): Promise<Registered> {
  const res = await t.http
    .post('/v1/enterprises')
    .set('Authorization', await bearer(t, prc))
    .send({
      name: 'Acme Partners',
      countryEnterpriseName: `Acme Partners ${country}`,
      location: locationInput('Acme HQ', country, tier),
      employee: employeeInput(prc),
    })
    .expect(201);
  await caughtUp(t);
  return res.body as Registered;
}

/** Adds a location as `by` (who becomes its PRC). */
export async function createLocation(
  t: TestApp,
  enterpriseId: string,
  by: string,
  name: string,
  country = 'US',
  tier: 1 | 2 = 2,
) {
  const res = await t.http
    .post(`/v1/enterprises/${enterpriseId}/locations`)
    .set('Authorization', await bearer(t, by))
    .send({ ...locationInput(name, country, tier), employee: employeeInput(by) })
    .expect(201);
  await caughtUp(t);
  return res.body as {
    locationId: string;
    countryEnterpriseId: string;
    companyToken: string;
    confirmationNumber: string;
    position: string;
  };
}

/** Joins `userId` to a location with its company token (the location must auto-accept, or the join stays pending). */
export async function selfAssociate(
  t: TestApp,
  enterpriseId: string,
  locationId: string,
  companyToken: string,
  userId: string,
) {
  const res = await t.http
    .post(`/v1/enterprises/${enterpriseId}/locations/${locationId}/self-associations`)
    .set('Authorization', await bearer(t, userId))
    .send({ companyToken, ...employeeInput(userId) })
    .expect(201);
  await caughtUp(t);
  return res.body as {
    associationId: string;
    status: 'accepted' | 'pending';
    confirmationNumber: string;
    position: string;
  };
}
