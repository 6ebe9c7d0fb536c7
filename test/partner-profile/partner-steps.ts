import type { TestApp } from '../support/test-app.js';
import { allEvents, bearer, caughtUp, expectRejected } from '../support/site-fixtures.js';
import { type createLocation, employeeInput, selfAssociate } from '../support/partner-fixtures.js';

/** Shared steps for the partner-profile e2e specs (built on the support fixtures). */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const CONFIRMATION = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
/** A company token: at least 22 URL-safe characters (>= 128 bits of base64url). */
export const COMPANY_TOKEN = /^[A-Za-z0-9_-]{22,}$/;

export const enterprisePath = (enterpriseId: string) => `/v1/enterprises/${enterpriseId}`;
export const locationPath = (enterpriseId: string, locationId: string) =>
  `/v1/enterprises/${enterpriseId}/locations/${locationId}`;

/** A location as `createLocation` answers it. */
export type Location = Awaited<ReturnType<typeof createLocation>>;

/** The fields a 400 VALIDATION_FAILED names, each once, sorted. */
export const fieldsOf = (body: { errors?: { field: string }[] }) =>
  [...new Set((body.errors ?? []).map((e) => e.field))].sort();

/** POSTs `body` as `userId`, which must be refused 400 VALIDATION_FAILED recording nothing; answers the fields named. */
export async function invalidFields(t: TestApp, userId: string, path: string, body: object): Promise<string[]> {
  const auth = await bearer(t, userId);
  const res = await expectRejected(
    t,
    () => t.http.post(path).set('Authorization', auth).send(body),
    400,
    'VALIDATION_FAILED',
  );
  return fieldsOf(res.body);
}

export type AccessRoleName = 'prc' | 'apa' | 'distributor' | 'distributor_pi' | 'personal_update' | 'view_only';

/** Sets an employee's access role as `by` (a PRC/APA in scope); waits for the read models. */
export async function setRole(
  t: TestApp,
  enterpriseId: string,
  locationId: string,
  userId: string,
  accessRole: AccessRoleName | null,
  by: string,
) {
  const res = await t.http
    .put(`${locationPath(enterpriseId, locationId)}/employees/${userId}/access-role`)
    .set('Authorization', await bearer(t, by))
    .send({ accessRole })
    .expect(200);
  await caughtUp(t);
  return res.body as { confirmationNumber: string; position: string };
}

/**
 * `userId` joins the location with its company token; if the request waits, `manager` approves it.
 * Optionally gives the employee an access role (set by `manager`) and a telephone (set by the employee).
 */
export async function hire(
  t: TestApp,
  enterpriseId: string,
  locationId: string,
  companyToken: string,
  userId: string,
  manager: string,
  options: { role?: AccessRoleName; telephone?: string } = {},
) {
  const association = await selfAssociate(t, enterpriseId, locationId, companyToken, userId);
  if (association.status === 'pending') {
    await t.http
      .post(`${enterprisePath(enterpriseId)}/self-associations/${association.associationId}/approve`)
      .set('Authorization', await bearer(t, manager))
      .expect(200);
  }
  if (options.telephone) {
    await t.http
      .put(`${locationPath(enterpriseId, locationId)}/employees/${userId}/profile`)
      .set('Authorization', await bearer(t, userId))
      .send({ ...employeeInput(userId), telephone: options.telephone })
      .expect(200);
  }
  if (options.role) await setRole(t, enterpriseId, locationId, userId, options.role, manager);
  await caughtUp(t);
  return association;
}

/** The employees of a location as `as` sees them (read after `position` when given). */
export async function employeesOf(t: TestApp, enterpriseId: string, locationId: string, as: string, position?: string) {
  const req = t.http
    .get(`${locationPath(enterpriseId, locationId)}/employees`)
    .set('Authorization', await bearer(t, as));
  if (position) req.set('X-Consistent-With', position);
  const res = await req.expect(200);
  return res.body as { items: Record<string, unknown>[]; total: number };
}

export interface LocationView {
  locationId: string;
  name: string;
  region: string;
  partnerTier: number;
  prcUserId?: string | null;
  warnings: string[];
  [field: string]: unknown;
}

export interface Hierarchy {
  enterpriseId: string;
  name: string;
  worldwideHeadquartersLocationId: string;
  countryEnterprises: {
    countryEnterpriseId: string;
    country: string;
    name: string;
    headquartersLocationId: string;
    locations: LocationView[];
  }[];
  [field: string]: unknown;
}

/** The hierarchy as `as` sees it. */
export async function hierarchyOf(t: TestApp, enterpriseId: string, as: string, position?: string): Promise<Hierarchy> {
  const req = t.http.get(enterprisePath(enterpriseId)).set('Authorization', await bearer(t, as));
  if (position) req.set('X-Consistent-With', position);
  return (await req.expect(200)).body as Hierarchy;
}

/** The view of one location in a hierarchy answer. */
export function locationIn(hierarchy: Hierarchy, locationId: string): LocationView | undefined {
  return hierarchy.countryEnterprises.flatMap((c) => c.locations).find((l) => l.locationId === locationId);
}

/** The events a command appended (those carrying its confirmation number), as `{type, data}`. */
export async function eventsOf(t: TestApp, confirmationNumber: string) {
  return (await allEvents(t))
    .filter((e) => e.metadata.confirmationNumber === confirmationNumber)
    .map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));
}

/** A person to call as, with optional platform roles: `[userId, {roles}]`. */
export type Caller = [userId: string, options: Parameters<TestApp['token']>[1]];
