import type { Test } from 'supertest';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ProjectionRunner } from '#read-store';
import { type TestApp, startTestApp } from './test-app.js';

export const contact = (first: string, last: string, email: string) => ({
  firstName: first,
  lastName: last,
  email,
  telephone: '+49 89 1234',
  address: 'Main Street 1',
  city: 'Munich',
  postalCode: '80331',
});

/** `Authorization` header value for a person (optionally with platform roles or a sign-in time). */
export async function bearer(
  t: TestApp,
  userId: string,
  options: Parameters<TestApp['token']>[1] = {},
): Promise<string> {
  return `Bearer ${await t.token(userId, options)}`;
}

/** Registers a site with `primary` as its primary contact, as an operator. */
export async function registerSite(t: TestApp, siteId: string, primary = 'pat@example.com') {
  const res = await t.http
    .post('/v1/sites')
    .set('Authorization', await bearer(t, 'op@example.com', { roles: ['operator'] }))
    .send({
      siteId,
      name: `Site ${siteId}`,
      primaryContact: { userId: primary, ...contact('Pat', 'Primary', primary) },
    })
    .expect(201);
  await caughtUp(t);
  return res.body as { siteId: string; confirmationNumber: string; position: string };
}

/** A fresh app (see startTestApp) with site `siteId` registered, pat its primary. */
export async function startAppWithSite(siteId: string): Promise<TestApp> {
  const t = await startTestApp();
  await registerSite(t, siteId);
  return t;
}

export function person(userId: string, role: 'secondary' | 'user' = 'user', privileges: Record<string, string> = {}) {
  const [name] = userId.split('@');
  return {
    userId,
    firstName: name![0]!.toUpperCase() + name!.slice(1),
    lastName: 'Tester',
    email: userId,
    role,
    privileges,
  };
}

/** Adds a member as `by` (the primary by default) and returns the command answer. */
export async function addUser(t: TestApp, siteId: string, body: ReturnType<typeof person>, by = 'pat@example.com') {
  const res = await t.http
    .post(`/v1/sites/${siteId}/users`)
    .set('Authorization', await bearer(t, by))
    .send(body)
    .expect(201);
  await caughtUp(t);
  return res.body as { confirmationNumber: string; position: string };
}

/** Self-nominates `userId` to the site and returns the new request's id and position. */
export async function nominate(
  t: TestApp,
  siteId: string,
  userId: string,
  businessJustification = 'I need the software downloads',
) {
  const [name] = userId.split('@');
  const res = await t.http
    .post(`/v1/sites/${siteId}/access-requests`)
    .set('Authorization', await bearer(t, userId))
    .send({ firstName: name, lastName: 'Requester', email: userId, businessJustification })
    .expect(201);
  await caughtUp(t);
  return res.body as { requestId: string; confirmationNumber: string; position: string };
}

/** Waits until the read models include every recorded event (what X-Consistent-With does per request). */
export async function caughtUp(t: TestApp): Promise<void> {
  const head = await t.app.get<symbol, EventStore>(EVENT_STORE).headPosition();
  if (head) await t.app.get(ProjectionRunner).waitFor(head, 5000);
}

/** Every event in the store, to prove a rejected command recorded nothing. */
export function allEvents(t: TestApp) {
  return t.app.get<symbol, EventStore>(EVENT_STORE).readAll({ limit: 1_000_000 });
}

/** Sends a command that must be refused: problem+json with this status and code, and no new event. */
export async function expectRejected(t: TestApp, send: () => Test, status: number, code: string) {
  const before = await allEvents(t);
  const res = await send();
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(await allEvents(t)).toEqual(before);
  return res;
}
