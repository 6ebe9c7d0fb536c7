import type { Test } from 'supertest';
import { randomUUID } from 'node:crypto';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';
import { allEvents, bearer, caughtUp, expectRejected } from '../support/site-fixtures.js';
import { type Registered, createLocation, employeeInput, registerEnterprise } from '../support/partner-fixtures.js';
import {
  CONFIRMATION,
  type Caller,
  type Location,
  employeesOf,
  eventsOf,
  fieldsOf,
  hierarchyOf,
  hire,
  locationIn,
  locationPath,
  setRole,
} from './partner-steps.js';

const at = (domain: string) => (name: string) => `${name}@${domain}`;
const u = at('example.com');
const NO_TCI = { businessContact: false, secondaryBusinessContact: false };
const NAMES_AND_ROLE = ['accessRole', 'employeeRef', 'firstName', 'lastName'];
/** The opaque reference every employee row carries (never the user id). */
const EMPLOYEE_REF = /^emp_[0-9a-f]{24}$/;
/** The app's clock: `clock.between()` names an instant strictly between two commands, without sleeping. */
const clock = new TestClock();

/**
 * One enterprise:
 * - HQ (US, tier 2; worldwide and US country HQ): paula PRC, hank APA, plus sam, tom, dieter, greta (who found other locations)
 * - Dallas (US, tier 2): sam PRC; amy apa, dina distributor, pia distributor_pi, vera view_only, uli personal_update,
 *   rita, leo, max, pam personal_update
 * - Boston (US, tier 1): tom PRC; ted
 * - Berlin (DE, tier 2, DE country HQ): dieter PRC; dora
 * - Hamburg (DE, tier 2): greta PRC; gus, gina
 */
describe('Partner profile: employees, access roles, PRC, TCI roles, visibility (HTTP, embedded stores)', () => {
  let t: TestApp;
  let reg: Registered;
  let dallas: Location;
  let boston: Location;
  let berlin: Location;
  let hamburg: Location;
  const e = () => reg.enterpriseId;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    reg = await registerEnterprise(t, u('paula'));
    for (const founder of ['sam', 'tom', 'dieter', 'greta'])
      await hire(t, e(), reg.locationId, reg.companyToken, u(founder), u('paula'));
    await hire(t, e(), reg.locationId, reg.companyToken, u('hank'), u('paula'), { role: 'apa' });
    dallas = await createLocation(t, e(), u('sam'), 'Acme Dallas', 'US', 2);
    boston = await createLocation(t, e(), u('tom'), 'Acme Boston', 'US', 1);
    berlin = await createLocation(t, e(), u('dieter'), 'Acme Berlin', 'DE', 2);
    hamburg = await createLocation(t, e(), u('greta'), 'Acme Hamburg', 'DE', 2);
    const atDallas = (name: string, options: Parameters<typeof hire>[6] = {}) =>
      hire(t, e(), dallas.locationId, dallas.companyToken, u(name), u('sam'), options);
    await atDallas('amy', { role: 'apa' });
    await atDallas('dina', { role: 'distributor' });
    await atDallas('pia', { role: 'distributor_pi', telephone: '+1 214 555 0101' });
    await atDallas('vera', { role: 'view_only' });
    await atDallas('uli', { telephone: '+1 214 555 0102' });
    for (const name of ['rita', 'leo', 'max', 'pam']) await atDallas(name);
    await hire(t, e(), boston.locationId, boston.companyToken, u('ted'), u('tom'));
    await hire(t, e(), berlin.locationId, berlin.companyToken, u('dora'), u('dieter'));
    for (const name of ['gus', 'gina'])
      await hire(t, e(), hamburg.locationId, hamburg.companyToken, u(name), u('greta'));
  });
  afterAll(() => t.close());
  /** Sends, expects the problem+json refusal and checks nothing was recorded. */
  const refuse = (send: () => Test, status: number, code: string) => expectRejected(t, send, status, code);

  const employeesPath = (locationId: string) => `${locationPath(e(), locationId)}/employees`;
  const rolePath = (locationId: string, userId: string) => `${employeesPath(locationId)}/${userId}/access-role`;
  const putRole = (locationId: string, userId: string, accessRole: unknown, auth?: string) => () => {
    const req = t.http.put(rolePath(locationId, userId));
    if (auth) req.set('Authorization', auth);
    return req.send({ accessRole });
  };
  const roleOf = async (locationId: string, userId: string, position?: string) =>
    (await employeesOf(t, e(), locationId, u('paula'), position)).items.find((i) => i.userId === userId)?.accessRole;

  describe('GET .../locations/{locationId}/employees: visibility', () => {
    const everyone = ['amy', 'dina', 'leo', 'max', 'pam', 'pia', 'rita', 'sam', 'uli', 'vera'].map(u);
    const full = (name: string, accessRole: string, telephone?: string) => ({
      userId: u(name),
      employeeRef: expect.stringMatching(EMPLOYEE_REF),
      firstName: name[0]!.toUpperCase() + name.slice(1),
      lastName: 'Partner',
      email: u(name),
      ...(telephone ? { telephone } : {}),
      accessRole,
      tci: NO_TCI,
    });

    it('the PRC, an APA, the PRC at the HQ in scope and an auditor see everything (e-mail, telephone, TCI)', async () => {
      for (const [who, options] of [
        [u('sam'), {}],
        [u('amy'), {}],
        [u('paula'), {}],
        [u('audrey'), { roles: ['auditor'] }],
      ] as Caller[]) {
        const res = await t.http
          .get(employeesPath(dallas.locationId))
          .set('Authorization', await bearer(t, who, options))
          .expect(200);
        expect(res.headers['x-projection-position']).toEqual(expect.any(String));
        expect(res.body.total).toBe(10);
        expect(res.body.items.map((i: { userId: string }) => i.userId).sort()).toEqual(everyone);
        // sorted by last name, then first name
        expect(res.body.items.map((i: { firstName: string }) => i.firstName)).toEqual([
          'Amy',
          'Dina',
          'Leo',
          'Max',
          'Pam',
          'Pia',
          'Rita',
          'Sam',
          'Uli',
          'Vera',
        ]);
        const byId = new Map(res.body.items.map((i: { userId: string }) => [i.userId, i]));
        expect(byId.get(u('uli'))).toEqual(full('uli', 'personal_update', '+1 214 555 0102'));
        expect(byId.get(u('pia'))).toEqual(full('pia', 'distributor_pi', '+1 214 555 0101'));
        expect(byId.get(u('sam'))).toEqual(full('sam', 'prc'));
        expect(byId.get(u('amy'))).toEqual(full('amy', 'apa'));
      }
    });

    it('distributor_pi sees the personal information of everyone', async () => {
      const res = await employeesOf(t, e(), dallas.locationId, u('pia'));
      expect(res.total).toBe(10);
      const uli = res.items.find((i) => i.userId === u('uli'));
      expect(uli).toMatchObject({
        firstName: 'Uli',
        lastName: 'Partner',
        email: u('uli'),
        telephone: '+1 214 555 0102',
        accessRole: 'personal_update',
      });
      for (const item of res.items) expect(item.email).toBe(item.userId);
    });

    it.each(['dina', 'vera'])(
      '%s (distributor / view_only) sees only names and roles of the others, and their own full record',
      async (name) => {
        const res = await employeesOf(t, e(), dallas.locationId, u(name));
        expect(res.total).toBe(10);
        for (const item of res.items) {
          if (item.userId === u(name)) {
            expect(item).toMatchObject({ email: u(name), tci: NO_TCI });
          } else {
            expect(Object.keys(item).sort()).toEqual(NAMES_AND_ROLE);
          }
        }
        // Others come without their user id (an e-mail): an opaque reference instead, the same one the PRC sees.
        const asSam = await employeesOf(t, e(), dallas.locationId, u('sam'));
        const uliRef = asSam.items.find((i) => i.userId === u('uli'))!.employeeRef;
        expect(res.items.find((i) => i.employeeRef === uliRef)).toEqual({
          employeeRef: uliRef,
          firstName: 'Uli',
          lastName: 'Partner',
          accessRole: 'personal_update',
        });
        expect(res.items.filter((i) => 'userId' in i).map((i) => i.userId)).toEqual([u(name)]);
        expect(JSON.stringify(res.items.filter((i) => i.userId !== u(name)))).not.toContain('@example.com');
      },
    );

    it('personal_update sees only their own record', async () => {
      const res = await employeesOf(t, e(), dallas.locationId, u('uli'));
      expect(res).toEqual({ total: 1, items: [full('uli', 'personal_update', '+1 214 555 0102')] });
    });

    it('refuses 403 to strangers, operators, employees of other locations and to an APA or non-HQ PRC out of scope; 404, 400, 401', async () => {
      const path = employeesPath(dallas.locationId);
      for (const [who, options] of [
        ['eve', {}],
        ['oscar', { roles: ['operator'] }],
        ['ted', {}], // employee of Boston only
        ['tom', {}], // PRC of Boston (sibling, not HQ)
        ['hank', {}], // APA at the HQ: APA authority is for their own location only
        ['dieter', {}], // PRC of the DE country HQ: not the US
      ] as Caller[]) {
        const auth = await bearer(t, u(who), options);
        await refuse(() => t.http.get(path).set('Authorization', auth), 403, 'FORBIDDEN');
      }
      const paula = await bearer(t, u('paula'));
      await refuse(() => t.http.get(employeesPath(randomUUID())).set('Authorization', paula), 404, 'NOT_FOUND');
      const bad = await refuse(
        () => t.http.get(employeesPath('dallas')).set('Authorization', paula),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['locationId']);
      await refuse(() => t.http.get(path), 401, 'UNAUTHENTICATED');
    });

    it('as of an instant (replayed from the events) the same visibility rules apply; 400 for a bad asOf', async () => {
      const now = encodeURIComponent(new Date(Date.now() + 1000).toISOString());
      for (const who of ['sam', 'amy', 'pia', 'dina', 'vera', 'uli']) {
        const auth = await bearer(t, u(who));
        const current = await t.http.get(employeesPath(dallas.locationId)).set('Authorization', auth).expect(200);
        const replayed = await t.http
          .get(`${employeesPath(dallas.locationId)}?asOf=${now}`)
          .set('Authorization', auth)
          .expect(200);
        expect(replayed.body).toEqual(current.body);
      }
      const auditor = await bearer(t, u('audrey'), { roles: ['auditor'] });
      const uliThen = await t.http
        .get(`${employeesPath(dallas.locationId)}?asOf=${now}`)
        .set('Authorization', await bearer(t, u('uli')))
        .expect(200);
      expect(uliThen.body.items.map((i: { userId: string }) => i.userId)).toEqual([u('uli')]);
      const before = await t.http
        .get(`${employeesPath(dallas.locationId)}?asOf=2000-01-01T00:00:00Z`)
        .set('Authorization', auditor)
        .expect(200);
      expect(before.body).toEqual({ items: [], total: 0 });
      await refuse(
        () => t.http.get(`${employeesPath(dallas.locationId)}?asOf=${now}`).set('Authorization', `Bearer x`),
        401,
        'UNAUTHENTICATED',
      );
      await refuse(
        () =>
          t.http
            .get(`${employeesPath(dallas.locationId)}?asOf=${now}`)
            .set('Authorization', auditor.replace('Bearer ', 'Bearer x')),
        401,
        'UNAUTHENTICATED',
      );
      const eve = await bearer(t, u('eve'));
      await refuse(
        () => t.http.get(`${employeesPath(dallas.locationId)}?asOf=${now}`).set('Authorization', eve),
        403,
        'FORBIDDEN',
      );
      const bad = await refuse(
        () => t.http.get(`${employeesPath(dallas.locationId)}?asOf=yesterday`).set('Authorization', auditor),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['asOf']);
    });

    it('pages with limit and offset', async () => {
      const sam = await bearer(t, u('sam'));
      const page = await t.http
        .get(`${employeesPath(dallas.locationId)}?limit=3&offset=3`)
        .set('Authorization', sam)
        .expect(200);
      expect(page.body.total).toBe(10);
      expect(page.body.items.map((i: { firstName: string }) => i.firstName)).toEqual(['Max', 'Pam', 'Pia']);
      const bad = await refuse(
        () => t.http.get(`${employeesPath(dallas.locationId)}?limit=501`).set('Authorization', sam),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['limit']);
    });
  });

  describe('PUT .../employees/{userId}/access-role', () => {
    it('the PRC sets a role (200 with a confirmation number); null means personal_update; the same role again changes nothing', async () => {
      const sam = await bearer(t, u('sam'));
      const res = await putRole(dallas.locationId, u('rita'), 'view_only', sam)().expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(await roleOf(dallas.locationId, u('rita'), res.body.position)).toBe('view_only');
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        {
          type: 'AccessRoleChanged',
          data: expect.objectContaining({
            locationId: dallas.locationId,
            userId: u('rita'),
            from: 'personal_update',
            to: 'view_only',
            changedBy: u('sam'),
          }),
        },
      ]);

      const reset = await putRole(dallas.locationId, u('rita'), null, sam)().expect(200);
      expect(await roleOf(dallas.locationId, u('rita'), reset.body.position)).toBe('personal_update');

      const before = await allEvents(t);
      expect((await putRole(dallas.locationId, u('rita'), null, sam)().expect(200)).body).toEqual({ changed: false });
      expect((await putRole(dallas.locationId, u('rita'), 'personal_update', sam)().expect(200)).body).toEqual({
        changed: false,
      });
      expect(await allEvents(t)).toEqual(before);
    });

    it('an APA of the location may set roles, including apa', async () => {
      const res = await putRole(dallas.locationId, u('rita'), 'apa', await bearer(t, u('amy')))().expect(200);
      expect(await roleOf(dallas.locationId, u('rita'), res.body.position)).toBe('apa');
      await setRole(t, e(), dallas.locationId, u('rita'), null, u('rita')); // an APA may also step down themself
      expect(await roleOf(dallas.locationId, u('rita'))).toBe('personal_update');
    });

    it("refuses 409 PRC_REQUIRES_TRANSFER to make someone PRC or to change the PRC's role", async () => {
      const sam = await bearer(t, u('sam'));
      const amy = await bearer(t, u('amy'));
      const paula = await bearer(t, u('paula'));
      await refuse(putRole(dallas.locationId, u('rita'), 'prc', sam), 409, 'PRC_REQUIRES_TRANSFER');
      await refuse(putRole(dallas.locationId, u('sam'), 'apa', amy), 409, 'PRC_REQUIRES_TRANSFER');
      await refuse(putRole(dallas.locationId, u('sam'), null, paula), 409, 'PRC_REQUIRES_TRANSFER');
      await refuse(putRole(dallas.locationId, u('sam'), 'view_only', sam), 409, 'PRC_REQUIRES_TRANSFER');
    });

    it('allows distributor roles at a tier-2 North-America location; refuses 409 DISTRIBUTOR_ROLE_NOT_ALLOWED at tier 1 and outside North America', async () => {
      const sam = await bearer(t, u('sam'));
      const ok = await putRole(dallas.locationId, u('rita'), 'distributor', sam)().expect(200);
      expect(await roleOf(dallas.locationId, u('rita'), ok.body.position)).toBe('distributor');
      await putRole(dallas.locationId, u('rita'), 'distributor_pi', sam)().expect(200);
      await setRole(t, e(), dallas.locationId, u('rita'), null, u('sam'));

      const tom = await bearer(t, u('tom'));
      await refuse(putRole(boston.locationId, u('ted'), 'distributor', tom), 409, 'DISTRIBUTOR_ROLE_NOT_ALLOWED');
      await refuse(
        putRole(boston.locationId, u('ted'), 'distributor_pi', await bearer(t, u('paula'))),
        409,
        'DISTRIBUTOR_ROLE_NOT_ALLOWED',
      );
      const dieter = await bearer(t, u('dieter'));
      await refuse(putRole(berlin.locationId, u('dora'), 'distributor', dieter), 409, 'DISTRIBUTOR_ROLE_NOT_ALLOWED');
      await refuse(
        putRole(berlin.locationId, u('dora'), 'distributor_pi', dieter),
        409,
        'DISTRIBUTOR_ROLE_NOT_ALLOWED',
      );
    });

    it('refuses 403 to employees without PRC/APA authority (personal_update, view_only, distributor, distributor_pi), even for their own role', async () => {
      for (const who of ['uli', 'vera', 'dina', 'pia']) {
        const auth = await bearer(t, u(who));
        await refuse(putRole(dallas.locationId, u('rita'), 'view_only', auth), 403, 'FORBIDDEN');
        await refuse(putRole(dallas.locationId, u(who), 'apa', auth), 403, 'FORBIDDEN');
      }
      await refuse(putRole(dallas.locationId, u('rita'), 'view_only', await bearer(t, u('eve'))), 403, 'FORBIDDEN');
      await refuse(
        putRole(dallas.locationId, u('rita'), 'view_only', await bearer(t, u('oscar'), { roles: ['operator'] })),
        403,
        'FORBIDDEN',
      );
    });

    it("refuses 403 to the PRC of a sibling (non-HQ) location, to an APA at the HQ, and to another country's HQ PRC", async () => {
      await refuse(putRole(boston.locationId, u('ted'), 'view_only', await bearer(t, u('sam'))), 403, 'FORBIDDEN');
      await refuse(putRole(dallas.locationId, u('rita'), 'view_only', await bearer(t, u('tom'))), 403, 'FORBIDDEN');
      await refuse(putRole(berlin.locationId, u('dora'), 'view_only', await bearer(t, u('greta'))), 403, 'FORBIDDEN');
      await refuse(putRole(dallas.locationId, u('rita'), 'view_only', await bearer(t, u('hank'))), 403, 'FORBIDDEN');
      await refuse(putRole(dallas.locationId, u('rita'), 'view_only', await bearer(t, u('dieter'))), 403, 'FORBIDDEN');
    });

    it('the PRC at a country HQ manages the other locations of that country', async () => {
      const res = await putRole(hamburg.locationId, u('gus'), 'view_only', await bearer(t, u('dieter')))().expect(200);
      expect(await roleOf(hamburg.locationId, u('gus'), res.body.position)).toBe('view_only');
      const us = await putRole(boston.locationId, u('ted'), 'view_only', await bearer(t, u('paula')))().expect(200);
      expect(await roleOf(boston.locationId, u('ted'), us.body.position)).toBe('view_only');
    });

    it("the PRC at the worldwide HQ manages another country's locations", async () => {
      const paula = await bearer(t, u('paula'));
      const res = await putRole(hamburg.locationId, u('gina'), 'apa', paula)().expect(200);
      expect(await roleOf(hamburg.locationId, u('gina'), res.body.position)).toBe('apa');
      await putRole(berlin.locationId, u('dora'), 'view_only', paula)().expect(200);
      await putRole(berlin.locationId, u('dora'), null, paula)().expect(200);
    });

    it('refuses 409 NOT_AN_EMPLOYEE, 400 for an unknown or missing role, 404 unknown location, 401 without token', async () => {
      const sam = await bearer(t, u('sam'));
      await refuse(putRole(dallas.locationId, u('nobody'), 'view_only', sam), 409, 'NOT_AN_EMPLOYEE');
      await refuse(putRole(dallas.locationId, u('ted'), 'view_only', sam), 409, 'NOT_AN_EMPLOYEE'); // employee elsewhere
      for (const body of [
        { accessRole: 'admin' },
        { accessRole: 'PRC' },
        { accessRole: 3 },
        {},
        { accessRole: 'apa', extra: true },
      ]) {
        const res = await refuse(
          () =>
            t.http
              .put(rolePath(dallas.locationId, u('rita')))
              .set('Authorization', sam)
              .send(body),
          400,
          'VALIDATION_FAILED',
        );
        expect(fieldsOf(res.body)).toEqual('extra' in body ? ['extra'] : ['accessRole']);
      }
      await refuse(putRole(randomUUID(), u('rita'), 'view_only', sam), 404, 'NOT_FOUND');
      await refuse(putRole(dallas.locationId, u('rita'), 'view_only'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PUT .../locations/{locationId}/primary-relationship-contact', () => {
    const prcPath = (locationId: string) => `${locationPath(e(), locationId)}/primary-relationship-contact`;
    const assign = (locationId: string, userId: unknown, auth?: string) => () => {
      const req = t.http.put(prcPath(locationId));
      if (auth) req.set('Authorization', auth);
      return req.send({ userId });
    };

    it('refuses 409 NOT_AN_EMPLOYEE, 403 out of scope, 400, 404, 401 — recording nothing', async () => {
      const dieter = await bearer(t, u('dieter'));
      await refuse(assign(berlin.locationId, u('nobody'), dieter), 409, 'NOT_AN_EMPLOYEE');
      await refuse(assign(berlin.locationId, u('gus'), dieter), 409, 'NOT_AN_EMPLOYEE'); // employee of Hamburg
      await refuse(assign(berlin.locationId, u('dora'), await bearer(t, u('dora'))), 403, 'FORBIDDEN');
      await refuse(assign(berlin.locationId, u('dora'), await bearer(t, u('greta'))), 403, 'FORBIDDEN');
      await refuse(assign(berlin.locationId, u('dora'), await bearer(t, u('eve'))), 403, 'FORBIDDEN');
      await refuse(assign(dallas.locationId, u('uli'), await bearer(t, u('uli'))), 403, 'FORBIDDEN');
      // an APA may not take over a location that has a PRC (not for themself, not for anyone else)
      const gina = await bearer(t, u('gina')); // APA of Hamburg since the worldwide-HQ PRC made her one
      await refuse(assign(hamburg.locationId, u('gina'), gina), 403, 'FORBIDDEN');
      await refuse(assign(hamburg.locationId, u('gus'), gina), 403, 'FORBIDDEN');
      const amy = await bearer(t, u('amy')); // APA of Dallas
      await refuse(assign(dallas.locationId, u('amy'), amy), 403, 'FORBIDDEN');
      await refuse(assign(reg.locationId, u('hank'), await bearer(t, u('hank'))), 403, 'FORBIDDEN'); // APA at the HQ
      for (const userId of [undefined, '', 42]) {
        const res = await refuse(assign(berlin.locationId, userId, dieter), 400, 'VALIDATION_FAILED');
        expect(fieldsOf(res.body)).toEqual(['userId']);
      }
      await refuse(assign(randomUUID(), u('dora'), dieter), 404, 'NOT_FOUND');
      await refuse(assign(berlin.locationId, u('dora')), 401, 'UNAUTHENTICATED');
    });

    it('moves the PRC to another employee; the former PRC becomes apa; assigning the PRC again changes nothing', async () => {
      const res = await assign(berlin.locationId, ' Dora@Example.com ', await bearer(t, u('dieter')))().expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      const employees = await employeesOf(t, e(), berlin.locationId, u('dora'), res.body.position);
      expect(Object.fromEntries(employees.items.map((i) => [i.userId, i.accessRole]))).toEqual({
        [u('dieter')]: 'apa',
        [u('dora')]: 'prc',
      });
      expect(locationIn(await hierarchyOf(t, e(), u('dora')), berlin.locationId)).toMatchObject({
        prcUserId: u('dora'),
        warnings: [],
      });
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        {
          type: 'PrimaryRelationshipContactAssigned',
          data: expect.objectContaining({
            locationId: berlin.locationId,
            userId: u('dora'),
            previousRole: 'personal_update',
            formerPrcUserId: u('dieter'),
            assignedBy: u('dieter'),
          }),
        },
      ]);
      const before = await allEvents(t);
      expect((await assign(berlin.locationId, u('dora'), await bearer(t, u('dieter')))().expect(200)).body).toEqual({
        changed: false,
      });
      expect(await allEvents(t)).toEqual(before);
    });

    it('country-HQ scope follows the PRC: the new PRC of the DE HQ manages Hamburg, the former one (now apa) no longer does', async () => {
      await refuse(putRole(hamburg.locationId, u('gus'), null, await bearer(t, u('dieter'))), 403, 'FORBIDDEN');
      const res = await putRole(hamburg.locationId, u('gus'), null, await bearer(t, u('dora')))().expect(200);
      expect(await roleOf(hamburg.locationId, u('gus'), res.body.position)).toBe('personal_update');
      // as an APA of Berlin, dieter still manages Berlin itself (past the scope check, only the PRC rule stops him)
      await refuse(
        putRole(berlin.locationId, u('dora'), 'apa', await bearer(t, u('dieter'))),
        409,
        'PRC_REQUIRES_TRANSFER',
      );
    });

    it('the worldwide-HQ PRC may assign the PRC of another location', async () => {
      const res = await assign(boston.locationId, u('ted'), await bearer(t, u('paula')))().expect(200);
      const employees = await employeesOf(t, e(), boston.locationId, u('ted'), res.body.position);
      expect(Object.fromEntries(employees.items.map((i) => [i.userId, i.accessRole]))).toEqual({
        [u('tom')]: 'apa',
        [u('ted')]: 'prc',
      });
    });
  });

  describe('PUT .../employees/{userId}/tci-roles', () => {
    const tciPath = (locationId: string, userId: string) => `${employeesPath(locationId)}/${userId}/tci-roles`;
    const putTci = (locationId: string, userId: string, body: object, auth?: string) => () => {
      const req = t.http.put(tciPath(locationId, userId));
      if (auth) req.set('Authorization', auth);
      return req.send(body);
    };
    const tciOf = async (userId: string, position?: string) =>
      (await employeesOf(t, e(), dallas.locationId, u('sam'), position)).items.find((i) => i.userId === userId)?.tci;

    it('the PRC or an APA flags TCI roles (200); the same flags again answer {changed:false}', async () => {
      const res = await putTci(
        dallas.locationId,
        u('amy'),
        { businessContact: true, secondaryBusinessContact: false },
        await bearer(t, u('sam')),
      )().expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(await tciOf(u('amy'), res.body.position)).toEqual({
        businessContact: true,
        secondaryBusinessContact: false,
      });
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        {
          type: 'TciRolesChanged',
          data: expect.objectContaining({
            userId: u('amy'),
            from: NO_TCI,
            to: { businessContact: true, secondaryBusinessContact: false },
            changedBy: u('sam'),
          }),
        },
      ]);
      const byApa = await putTci(
        dallas.locationId,
        u('sam'),
        { businessContact: false, secondaryBusinessContact: true },
        await bearer(t, u('amy')),
      )().expect(200);
      expect(await tciOf(u('sam'), byApa.body.position)).toEqual({
        businessContact: false,
        secondaryBusinessContact: true,
      });
      const byHq = await putTci(
        dallas.locationId,
        u('uli'),
        { businessContact: true, secondaryBusinessContact: true },
        await bearer(t, u('paula')),
      )().expect(200);
      expect(await tciOf(u('uli'), byHq.body.position)).toEqual({
        businessContact: true,
        secondaryBusinessContact: true,
      });

      const before = await allEvents(t);
      const same = await putTci(
        dallas.locationId,
        u('amy'),
        { businessContact: true, secondaryBusinessContact: false },
        await bearer(t, u('sam')),
      )().expect(200);
      expect(same.body).toEqual({ changed: false });
      expect(await allEvents(t)).toEqual(before);
    });

    it('refuses 400 for non-boolean or missing flags, 403 without authority, 409 NOT_AN_EMPLOYEE, 404, 401', async () => {
      const sam = await bearer(t, u('sam'));
      const bad = await refuse(
        putTci(dallas.locationId, u('amy'), { businessContact: 'yes', secondaryBusinessContact: 1 }, sam),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['businessContact', 'secondaryBusinessContact']);
      const missing = await refuse(
        putTci(dallas.locationId, u('amy'), { businessContact: true }, sam),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(missing.body)).toEqual(['secondaryBusinessContact']);
      const flags = { businessContact: true, secondaryBusinessContact: true };
      for (const who of ['uli', 'vera', 'pia', 'tom', 'eve']) {
        const auth = await bearer(t, u(who));
        await refuse(putTci(dallas.locationId, u('rita'), flags, auth), 403, 'FORBIDDEN');
      }
      await refuse(putTci(dallas.locationId, u('vera'), flags, await bearer(t, u('vera'))), 403, 'FORBIDDEN'); // not even their own
      await refuse(putTci(dallas.locationId, u('nobody'), flags, sam), 409, 'NOT_AN_EMPLOYEE');
      await refuse(putTci(randomUUID(), u('rita'), flags, sam), 404, 'NOT_FOUND');
      await refuse(putTci(dallas.locationId, u('rita'), flags), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PUT .../employees/{userId}/profile', () => {
    const profilePath = (locationId: string, userId: string) => `${employeesPath(locationId)}/${userId}/profile`;
    const putProfile = (locationId: string, userId: string, body: object, auth?: string) => () => {
      const req = t.http.put(profilePath(locationId, userId));
      if (auth) req.set('Authorization', auth);
      return req.send(body);
    };
    const recordOf = async (userId: string, position?: string) =>
      (await employeesOf(t, e(), dallas.locationId, u('sam'), position)).items.find((i) => i.userId === userId);

    it('an employee updates their own personal information (200); the same again changes nothing', async () => {
      const profile = {
        firstName: 'Ulrich',
        lastName: 'Umlaut',
        email: 'ulrich.umlaut@example.com',
        telephone: '+1 214 555 0199',
      };
      const res = await putProfile(dallas.locationId, u('uli'), profile, await bearer(t, u('uli')))().expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(await recordOf(u('uli'), res.body.position)).toMatchObject({ ...profile, accessRole: 'personal_update' });
      const [event] = await eventsOf(t, res.body.confirmationNumber);
      expect(event).toMatchObject({ type: 'EmployeeProfileUpdated', data: { userId: u('uli'), updatedBy: u('uli') } });
      expect(event!.data.changes).toEqual(
        expect.arrayContaining([
          { field: 'firstName', from: 'Uli', to: 'Ulrich' },
          { field: 'email', from: u('uli'), to: 'ulrich.umlaut@example.com' },
          { field: 'telephone', from: '+1 214 555 0102', to: '+1 214 555 0199' },
        ]),
      );
      const before = await allEvents(t);
      expect(
        (await putProfile(dallas.locationId, u('uli'), profile, await bearer(t, u('uli')))().expect(200)).body,
      ).toEqual({ changed: false });
      expect(await allEvents(t)).toEqual(before);
    });

    it('view_only, distributor roles update their own information too', async () => {
      for (const who of ['vera', 'dina', 'pia']) {
        const res = await putProfile(
          dallas.locationId,
          u(who),
          { ...employeeInput(u(who)), telephone: '+1 214 555 0111' },
          await bearer(t, u(who)),
        )().expect(200);
        expect((await recordOf(u(who), res.body.position))?.telephone).toBe('+1 214 555 0111');
      }
    });

    it("the PRC, an APA and the HQ PRC in scope update an employee's information (200)", async () => {
      const byPrc = await putProfile(
        dallas.locationId,
        u('pam'),
        { ...employeeInput(u('pam')), lastName: 'Prc' },
        await bearer(t, u('sam')),
      )().expect(200);
      expect((await recordOf(u('pam'), byPrc.body.position))?.lastName).toBe('Prc');
      const byApa = await putProfile(
        dallas.locationId,
        u('pam'),
        { ...employeeInput(u('pam')), lastName: 'Apa' },
        await bearer(t, u('amy')),
      )().expect(200);
      expect((await recordOf(u('pam'), byApa.body.position))?.lastName).toBe('Apa');
      const byHq = await putProfile(
        dallas.locationId,
        u('pam'),
        { ...employeeInput(u('pam')), lastName: 'Hq', telephone: '+1 1' },
        await bearer(t, u('paula')),
      )().expect(200);
      expect(await recordOf(u('pam'), byHq.body.position)).toMatchObject({ lastName: 'Hq', telephone: '+1 1' });
      // leaving out the telephone clears it
      const cleared = await putProfile(
        dallas.locationId,
        u('pam'),
        employeeInput(u('pam')),
        await bearer(t, u('sam')),
      )().expect(200);
      expect(await recordOf(u('pam'), cleared.body.position)).not.toHaveProperty('telephone');
    });

    it('refuses 403 to other employees and strangers, 409 NOT_AN_EMPLOYEE, 400, 404, 401', async () => {
      const body = { ...employeeInput(u('uli')), firstName: 'Hacked' };
      for (const who of ['vera', 'pia', 'dina', 'rita', 'tom', 'hank', 'eve']) {
        const auth = await bearer(t, u(who));
        await refuse(putProfile(dallas.locationId, u('uli'), body, auth), 403, 'FORBIDDEN');
      }
      await refuse(
        putProfile(dallas.locationId, u('nobody'), employeeInput(u('nobody')), await bearer(t, u('sam'))),
        409,
        'NOT_AN_EMPLOYEE',
      );
      await refuse(
        putProfile(dallas.locationId, u('eve'), employeeInput(u('eve')), await bearer(t, u('eve'))),
        409,
        'NOT_AN_EMPLOYEE',
      );
      const uli = await bearer(t, u('uli'));
      const bad = await refuse(
        putProfile(
          dallas.locationId,
          u('uli'),
          { firstName: '', lastName: 'U', email: 'not-an-email', role: 'apa' },
          uli,
        ),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['email', 'firstName', 'role']);
      await refuse(putProfile(randomUUID(), u('uli'), body, uli), 404, 'NOT_FOUND');
      await refuse(putProfile(dallas.locationId, u('uli'), body), 401, 'UNAUTHENTICATED');
    });
  });

  describe('DELETE .../employees/{userId}', () => {
    const remove = (locationId: string, userId: string, auth?: string) => () => {
      const req = t.http.delete(`${employeesPath(locationId)}/${userId}`);
      return auth ? req.set('Authorization', auth) : req;
    };
    const idsAt = async (locationId: string, position?: string) =>
      (await employeesOf(t, e(), locationId, u('paula'), position)).items.map((i) => i.userId);

    it('refuses 403 to other employees, sibling PRCs and strangers; 404; 401 — recording nothing', async () => {
      for (const who of ['uli', 'vera', 'pia', 'dina', 'tom', 'hank', 'eve']) {
        const auth = await bearer(t, u(who));
        await refuse(remove(dallas.locationId, u('leo'), auth), 403, 'FORBIDDEN');
      }
      await refuse(remove(boston.locationId, u('ted'), await bearer(t, u('sam'))), 403, 'FORBIDDEN');
      await refuse(remove(randomUUID(), u('leo'), await bearer(t, u('sam'))), 404, 'NOT_FOUND');
      await refuse(remove(dallas.locationId, u('leo')), 401, 'UNAUTHENTICATED');
    });

    it('an employee removes themself (200); afterwards NOT_AN_EMPLOYEE and no more access to the list', async () => {
      const leo = await bearer(t, u('leo'));
      const beforeLeaving = clock.between();
      const res = await remove(dallas.locationId, u('leo'), leo)().expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(await idsAt(dallas.locationId, res.body.position)).not.toContain(u('leo'));
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        {
          type: 'EmployeeLeft',
          data: expect.objectContaining({
            locationId: dallas.locationId,
            userId: u('leo'),
            accessRole: 'personal_update',
            removedBy: u('leo'),
          }),
        },
      ]);
      await refuse(remove(dallas.locationId, u('leo'), leo), 409, 'NOT_AN_EMPLOYEE');
      await refuse(() => t.http.get(employeesPath(dallas.locationId)).set('Authorization', leo), 403, 'FORBIDDEN');
      // time travel still shows them as they were
      const then = await t.http
        .get(`${employeesPath(dallas.locationId)}?asOf=${encodeURIComponent(beforeLeaving)}`)
        .set('Authorization', await bearer(t, u('sam')))
        .expect(200);
      expect(then.body.items.find((i: { userId: string }) => i.userId === u('leo'))).toMatchObject({
        accessRole: 'personal_update',
        email: u('leo'),
      });
      expect(then.body.total).toBe((await employeesOf(t, e(), dallas.locationId, u('sam'))).total + 1);
    });

    it('the PRC, an APA and the HQ PRC in scope remove an employee (200); removing them again is NOT_AN_EMPLOYEE', async () => {
      const byApa = await remove(dallas.locationId, u('max'), await bearer(t, u('amy')))().expect(200);
      expect(await idsAt(dallas.locationId, byApa.body.position)).not.toContain(u('max'));
      await refuse(remove(dallas.locationId, u('max'), await bearer(t, u('sam'))), 409, 'NOT_AN_EMPLOYEE');
      const byHq = await remove(dallas.locationId, u('pam'), await bearer(t, u('paula')))().expect(200);
      expect(await idsAt(dallas.locationId, byHq.body.position)).not.toContain(u('pam'));
      const byPrc = await remove(dallas.locationId, u('rita'), await bearer(t, u('sam')))().expect(200);
      await caughtUp(t);
      expect(await idsAt(dallas.locationId, byPrc.body.position)).toEqual(
        expect.not.arrayContaining([u('rita'), u('pam'), u('max'), u('leo')]),
      );
      await refuse(remove(dallas.locationId, u('rita'), await bearer(t, u('amy'))), 409, 'NOT_AN_EMPLOYEE');
      await refuse(remove(dallas.locationId, u('nobody'), await bearer(t, u('sam'))), 409, 'NOT_AN_EMPLOYEE');
      await refuse(
        putRole(dallas.locationId, u('rita'), 'view_only', await bearer(t, u('sam'))),
        409,
        'NOT_AN_EMPLOYEE',
      );
    });
  });
});
