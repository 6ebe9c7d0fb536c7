import { createHash, randomUUID } from 'node:crypto';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { allEvents, bearer, caughtUp, expectRejected } from '../support/site-fixtures.js';
import {
  type Registered,
  createLocation,
  employeeInput,
  registerEnterprise,
  selfAssociate,
} from '../support/partner-fixtures.js';
import {
  COMPANY_TOKEN,
  CONFIRMATION,
  type Caller,
  type Location,
  UUID,
  employeesOf,
  enterprisePath,
  eventsOf,
  fieldsOf,
  hire,
  locationPath,
} from './partner-steps.js';

const u = (name: string) => `${name}@example.com`;

/**
 * One enterprise: HQ (US; paula PRC, amy APA, uli personal_update) and Dallas (US; sam PRC, a
 * sibling of nothing but the HQ). Every company token the server hands out is kept in `issued`.
 */
describe('Partner profile: self-association with the company token, settings, token rotation (HTTP, embedded stores)', () => {
  let t: TestApp;
  let reg: Registered;
  let dallas: Location;
  let other: Registered;
  let hqToken: string;
  const issued: string[] = [];
  /** Confirmation numbers of the commands that issued a token. */
  const issuing: string[] = [];
  const e = () => reg.enterpriseId;
  const hq = () => reg.locationId;

  beforeAll(async () => {
    t = await startTestApp();
    reg = await registerEnterprise(t, u('paula'));
    hqToken = reg.companyToken;
    issued.push(reg.companyToken);
    issuing.push(reg.confirmationNumber);
    await hire(t, e(), hq(), hqToken, u('amy'), u('paula'), { role: 'apa' });
    await hire(t, e(), hq(), hqToken, u('uli'), u('paula'));
    await hire(t, e(), hq(), hqToken, u('sam'), u('paula'));
    dallas = await createLocation(t, e(), u('sam'), 'Acme Dallas');
    issued.push(dallas.companyToken);
    other = await registerEnterprise(t, u('olga'));
    issued.push(other.companyToken);
    issuing.push(dallas.confirmationNumber, other.confirmationNumber);
  });
  afterAll(() => t.close());

  const associationsPath = (locationId: string, enterpriseId = e()) =>
    `${locationPath(enterpriseId, locationId)}/self-associations`;
  /** A self-association request by `userId` with `companyToken`, ready for expectRejected. */
  const asking = async (userId: string, companyToken: string, locationId = hq(), enterpriseId = e()) => {
    const auth = await bearer(t, userId);
    return () =>
      t.http
        .post(associationsPath(locationId, enterpriseId))
        .set('Authorization', auth)
        .send({ companyToken, ...employeeInput(userId) });
  };
  const pendingOf = async (userId: string, as = u('paula'), locationId = hq()) => {
    const res = await t.http
      .get(`${associationsPath(locationId)}?status=pending`)
      .set('Authorization', await bearer(t, as))
      .expect(200);
    return (res.body.items as { userId: string; associationId: string }[]).find((i) => i.userId === userId);
  };

  describe('POST .../locations/{locationId}/self-associations', () => {
    it('refuses a wrong token with 403 INVALID_COMPANY_TOKEN and records nothing', async () => {
      const res = await expectRejected(t, await asking(u('nina'), 'not-the-token'), 403, 'INVALID_COMPANY_TOKEN');
      expect(res.body.detail).not.toContain(hqToken);
      await expectRejected(t, await asking(u('nina'), dallas.companyToken), 403, 'INVALID_COMPANY_TOKEN'); // another location's token
      await expectRejected(t, await asking(u('nina'), hqToken.toUpperCase()), 403, 'INVALID_COMPANY_TOKEN');
      await expectRejected(t, await asking(u('nina'), `${hqToken} `), 403, 'INVALID_COMPANY_TOKEN');
    });

    it('answers the very same 403 for an unknown location and an unknown enterprise (no existence leak)', async () => {
      const wrongToken = await expectRejected(
        t,
        await asking(u('nina'), 'not-the-token'),
        403,
        'INVALID_COMPANY_TOKEN',
      );
      const unknownLocation = await expectRejected(
        t,
        await asking(u('nina'), hqToken, randomUUID()),
        403,
        'INVALID_COMPANY_TOKEN',
      );
      const unknownEnterprise = await expectRejected(
        t,
        await asking(u('nina'), hqToken, hq(), randomUUID()),
        403,
        'INVALID_COMPANY_TOKEN',
      );
      const locationOfAnotherEnterprise = await expectRejected(
        t,
        await asking(u('nina'), other.companyToken, other.locationId),
        403,
        'INVALID_COMPANY_TOKEN',
      );
      const comparable = (body: Record<string, unknown>) => ({
        type: body.type,
        title: body.title,
        status: body.status,
        code: body.code,
        detail: body.detail,
        errors: body.errors,
      });
      for (const res of [unknownLocation, unknownEnterprise, locationOfAnotherEnterprise]) {
        expect(comparable(res.body)).toEqual(comparable(wrongToken.body));
        expect(res.body.detail).not.toMatch(/exist|not found|unknown/i);
      }
    });

    it('with the right token and auto-accept off: 201 pending; the requester is not an employee yet', async () => {
      const res = await t.http
        .post(associationsPath(hq()))
        .set('Authorization', await bearer(t, u('nina')))
        .send({ companyToken: hqToken, ...employeeInput(u('nina')), telephone: '+1 512 555 0123' })
        .expect(201);
      expect(res.body).toEqual({
        associationId: expect.stringMatching(UUID),
        status: 'pending',
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect((await eventsOf(t, res.body.confirmationNumber)).map((ev) => ev.type)).toEqual([
        'EmployeeSelfAssociationRequested',
      ]);
      const employees = await employeesOf(t, e(), hq(), u('paula'), res.body.position);
      expect(employees.items.map((i) => i.userId)).not.toContain(u('nina'));
      const nina = await bearer(t, u('nina'));
      await expectRejected(t, () => t.http.get(enterprisePath(e())).set('Authorization', nina), 403, 'FORBIDDEN');
    });

    it('refuses 409 REQUEST_PENDING for a second request, 409 ALREADY_MEMBER for an employee (only with the right token), 400, 401', async () => {
      await expectRejected(t, await asking(u('nina'), hqToken), 409, 'REQUEST_PENDING');
      await expectRejected(t, await asking(u('paula'), hqToken), 409, 'ALREADY_MEMBER');
      await expectRejected(t, await asking(u('uli'), hqToken), 409, 'ALREADY_MEMBER');
      // with a wrong token an employee learns nothing either
      await expectRejected(t, await asking(u('uli'), 'not-the-token'), 403, 'INVALID_COMPANY_TOKEN');
      const nina = await bearer(t, u('nina'));
      const bad = await expectRejected(
        t,
        () =>
          t.http
            .post(associationsPath(hq()))
            .set('Authorization', nina)
            .send({ companyToken: '', firstName: 'Nina', lastName: 'N', email: 'nope', accessRole: 'apa' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['accessRole', 'companyToken', 'email']);
      const badId = await expectRejected(
        t,
        () =>
          t.http
            .post(associationsPath('x'))
            .set('Authorization', nina)
            .send({ companyToken: hqToken, ...employeeInput(u('nina')) }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(badId.body)).toEqual(['locationId']);
      await expectRejected(
        t,
        () => t.http.post(associationsPath(hq())).send({ companyToken: hqToken, ...employeeInput(u('nina')) }),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  describe('GET .../locations/{locationId}/self-associations', () => {
    it('lists requests to the PRC and APAs with a status filter', async () => {
      await caughtUp(t);
      for (const who of ['paula', 'amy']) {
        const res = await t.http
          .get(associationsPath(hq()))
          .set('Authorization', await bearer(t, u(who)))
          .expect(200);
        expect(res.headers['x-projection-position']).toEqual(expect.any(String));
        const nina = res.body.items.find((i: { userId: string }) => i.userId === u('nina'));
        expect(nina).toMatchObject({
          associationId: expect.stringMatching(UUID),
          userId: u('nina'),
          firstName: 'Nina',
          lastName: 'Partner',
          email: u('nina'),
          telephone: '+1 512 555 0123',
          status: 'pending',
          requestedAt: expect.any(String),
          confirmationNumber: expect.stringMatching(CONFIRMATION),
        });
        expect(res.body.total).toBe(res.body.items.length);
      }
      const paula = await bearer(t, u('paula'));
      const pending = await t.http
        .get(`${associationsPath(hq())}?status=pending`)
        .set('Authorization', paula)
        .expect(200);
      expect(pending.body.items.map((i: { userId: string }) => i.userId)).toEqual([u('nina')]);
      expect(pending.body.total).toBe(1);
      const accepted = await t.http
        .get(`${associationsPath(hq())}?status=accepted`)
        .set('Authorization', paula)
        .expect(200);
      expect(accepted.body.items.map((i: { userId: string }) => i.userId).sort()).toEqual([
        u('amy'),
        u('sam'),
        u('uli'),
      ]);
      expect(accepted.body.items.every((i: { status: string }) => i.status === 'accepted')).toBe(true);
      const denied = await t.http
        .get(`${associationsPath(hq())}?status=denied`)
        .set('Authorization', paula)
        .expect(200);
      expect(denied.body).toEqual({ items: [], total: 0 });
      const bad = await expectRejected(
        t,
        () => t.http.get(`${associationsPath(hq())}?status=maybe`).set('Authorization', paula),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['status']);
    });

    it('the HQ PRC sees the requests of another location in scope; the requests of one location do not show at another', async () => {
      const res = await t.http
        .get(associationsPath(dallas.locationId))
        .set('Authorization', await bearer(t, u('paula')))
        .expect(200);
      expect(res.body).toEqual({ items: [], total: 0 });
    });

    it('refuses 403 to the requester, plain employees, sibling PRCs, auditors, operators and strangers; 404; 401', async () => {
      for (const [who, options] of [
        ['nina', {}],
        ['uli', {}],
        ['sam', {}],
        ['audrey', { roles: ['auditor'] }],
        ['oscar', { roles: ['operator'] }],
        ['olga', {}],
      ] as Caller[]) {
        const auth = await bearer(t, u(who), options);
        await expectRejected(t, () => t.http.get(associationsPath(hq())).set('Authorization', auth), 403, 'FORBIDDEN');
      }
      const paula = await bearer(t, u('paula'));
      await expectRejected(
        t,
        () => t.http.get(associationsPath(randomUUID())).set('Authorization', paula),
        404,
        'NOT_FOUND',
      );
      await expectRejected(t, () => t.http.get(associationsPath(hq())), 401, 'UNAUTHENTICATED');
    });
  });

  describe('approve and deny', () => {
    const decide =
      (associationId: string, decision: 'approve' | 'deny', auth?: string, body: object = {}, locationId?: string) =>
      () => {
        const base = locationId ? associationsPath(locationId) : `${enterprisePath(e())}/self-associations`;
        const req = t.http.post(`${base}/${associationId}/${decision}`);
        if (auth) req.set('Authorization', auth);
        return req.send(body);
      };

    it('refuses 403 to anyone without PRC/APA authority over the location, 404 for an unknown association, 400, 401', async () => {
      const { associationId } = (await pendingOf(u('nina')))!;
      for (const who of ['nina', 'uli', 'sam', 'olga', 'eve']) {
        const auth = await bearer(t, u(who));
        await expectRejected(t, decide(associationId, 'approve', auth), 403, 'FORBIDDEN');
        await expectRejected(t, decide(associationId, 'deny', auth, { reason: 'no' }), 403, 'FORBIDDEN');
      }
      const paula = await bearer(t, u('paula'));
      await expectRejected(t, decide(randomUUID(), 'approve', paula), 404, 'NOT_FOUND');
      await expectRejected(t, decide(randomUUID(), 'deny', paula, {}, hq()), 404, 'NOT_FOUND');
      // the location-scoped route refuses an association of another location
      await expectRejected(t, decide(associationId, 'approve', paula, {}, dallas.locationId), 404, 'NOT_FOUND');
      const badId = await expectRejected(t, decide('42', 'approve', paula), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(badId.body)).toEqual(['associationId']);
      const badBody = await expectRejected(
        t,
        decide(associationId, 'deny', paula, { reason: 7, extra: true }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(badBody.body)).toEqual(['extra', 'reason']);
      await expectRejected(t, decide(associationId, 'approve'), 401, 'UNAUTHENTICATED');
    });

    it('approve (200): the requester becomes an employee with personal_update; a second decision is 409 REQUEST_NOT_PENDING', async () => {
      const { associationId } = (await pendingOf(u('nina')))!;
      const res = await decide(associationId, 'approve', await bearer(t, u('amy')))().expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect((await eventsOf(t, res.body.confirmationNumber)).map((ev) => ev.type)).toEqual([
        'EmployeeSelfAssociationApproved',
        'EmployeeJoined',
      ]);
      const employees = await employeesOf(t, e(), hq(), u('paula'), res.body.position);
      expect(employees.items.find((i) => i.userId === u('nina'))).toEqual({
        userId: u('nina'),
        employeeRef: expect.stringMatching(/^emp_[0-9a-f]{24}$/),
        firstName: 'Nina',
        lastName: 'Partner',
        email: u('nina'),
        telephone: '+1 512 555 0123',
        accessRole: 'personal_update',
        tci: { businessContact: false, secondaryBusinessContact: false },
      });
      const accepted = await t.http
        .get(`${associationsPath(hq())}?status=accepted`)
        .set('Authorization', await bearer(t, u('paula')))
        .expect(200);
      expect(
        accepted.body.items.find((i: { associationId: string }) => i.associationId === associationId),
      ).toMatchObject({ status: 'accepted', decidedBy: u('amy'), decidedAt: expect.any(String) });
      // now an employee: she sees the enterprise
      await t.http
        .get(enterprisePath(e()))
        .set('Authorization', await bearer(t, u('nina')))
        .expect(200);

      const paula = await bearer(t, u('paula'));
      await expectRejected(t, decide(associationId, 'approve', paula), 409, 'REQUEST_NOT_PENDING');
      await expectRejected(
        t,
        decide(associationId, 'deny', paula, { reason: 'changed my mind' }),
        409,
        'REQUEST_NOT_PENDING',
      );
      await expectRejected(t, decide(associationId, 'approve', paula, {}, hq()), 409, 'REQUEST_NOT_PENDING');
      await expectRejected(t, await asking(u('nina'), hqToken), 409, 'ALREADY_MEMBER');
    });

    it('deny with a reason (200): recorded with the reason, no employee; a second decision is 409 REQUEST_NOT_PENDING; the person may ask again', async () => {
      const asked = await selfAssociate(t, e(), hq(), hqToken, u('otto'));
      expect(asked.status).toBe('pending');
      const res = await decide(
        asked.associationId,
        'deny',
        await bearer(t, u('paula')),
        { reason: 'Otto works for a competitor' },
        hq(),
      )().expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        {
          type: 'EmployeeSelfAssociationDenied',
          data: expect.objectContaining({
            associationId: asked.associationId,
            userId: u('otto'),
            decidedBy: u('paula'),
            reason: 'Otto works for a competitor',
          }),
        },
      ]);
      const denied = await t.http
        .get(`${associationsPath(hq())}?status=denied`)
        .set('Authorization', await bearer(t, u('amy')))
        .set('X-Consistent-With', res.body.position)
        .expect(200);
      expect(denied.body.items).toEqual([
        expect.objectContaining({
          associationId: asked.associationId,
          userId: u('otto'),
          status: 'denied',
          reason: 'Otto works for a competitor',
          decidedBy: u('paula'),
          decidedAt: expect.any(String),
        }),
      ]);
      expect((await employeesOf(t, e(), hq(), u('paula'))).items.map((i) => i.userId)).not.toContain(u('otto'));

      const amy = await bearer(t, u('amy'));
      await expectRejected(
        t,
        decide(asked.associationId, 'deny', amy, { reason: 'again' }),
        409,
        'REQUEST_NOT_PENDING',
      );
      await expectRejected(t, decide(asked.associationId, 'approve', amy), 409, 'REQUEST_NOT_PENDING');

      const again = await selfAssociate(t, e(), hq(), hqToken, u('otto'));
      expect(again).toMatchObject({ status: 'pending' });
      expect(again.associationId).not.toBe(asked.associationId);
      // deny without a reason, on the enterprise route, by the HQ PRC
      const bare = await decide(again.associationId, 'deny', await bearer(t, u('paula')))().expect(200);
      const [event] = await eventsOf(t, bare.body.confirmationNumber);
      expect(event!.data).not.toHaveProperty('reason');
    });

    it("the PRC at the HQ decides requests at another location of the country; that location's PRC too", async () => {
      const first = await selfAssociate(t, e(), dallas.locationId, dallas.companyToken, u('dave'));
      await decide(first.associationId, 'approve', await bearer(t, u('paula')), {}, dallas.locationId)().expect(200);
      const second = await selfAssociate(t, e(), dallas.locationId, dallas.companyToken, u('dana'));
      const res = await decide(second.associationId, 'approve', await bearer(t, u('sam')))().expect(200);
      const ids = (await employeesOf(t, e(), dallas.locationId, u('sam'), res.body.position)).items.map(
        (i) => i.userId,
      );
      expect(ids.sort()).toEqual([u('dana'), u('dave'), u('sam')]);
      // an APA at the HQ has no authority over Dallas
      const third = await selfAssociate(t, e(), dallas.locationId, dallas.companyToken, u('dirk'));
      await expectRejected(t, decide(third.associationId, 'approve', await bearer(t, u('amy'))), 403, 'FORBIDDEN');
    });
  });

  describe('PUT .../locations/{locationId}/settings', () => {
    const settingsPath = (locationId: string) => `${locationPath(e(), locationId)}/settings`;

    it('refuses 403 without PRC/APA authority, 400 for a non-boolean, 404, 401', async () => {
      for (const who of ['uli', 'nina', 'sam', 'eve']) {
        const auth = await bearer(t, u(who));
        await expectRejected(
          t,
          () => t.http.put(settingsPath(hq())).set('Authorization', auth).send({ autoAcceptSelfAssociation: true }),
          403,
          'FORBIDDEN',
        );
      }
      const paula = await bearer(t, u('paula'));
      for (const body of [{ autoAcceptSelfAssociation: 'yes' }, {}, { autoAcceptSelfAssociation: 1 }]) {
        const bad = await expectRejected(
          t,
          () => t.http.put(settingsPath(hq())).set('Authorization', paula).send(body),
          400,
          'VALIDATION_FAILED',
        );
        expect(fieldsOf(bad.body)).toEqual(['autoAcceptSelfAssociation']);
      }
      await expectRejected(
        t,
        () =>
          t.http.put(settingsPath(randomUUID())).set('Authorization', paula).send({ autoAcceptSelfAssociation: true }),
        404,
        'NOT_FOUND',
      );
      await expectRejected(
        t,
        () => t.http.put(settingsPath(hq())).send({ autoAcceptSelfAssociation: true }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('autoAccept on (200): the next request is accepted at once as personal_update; the same setting again changes nothing; off again → pending', async () => {
      const res = await t.http
        .put(settingsPath(hq()))
        .set('Authorization', await bearer(t, u('amy')))
        .send({ autoAcceptSelfAssociation: true })
        .expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        {
          type: 'SelfAssociationPolicyChanged',
          data: expect.objectContaining({ autoAcceptSelfAssociation: true, changedBy: u('amy') }),
        },
      ]);
      const before = await allEvents(t);
      const same = await t.http
        .put(settingsPath(hq()))
        .set('Authorization', await bearer(t, u('paula')))
        .send({ autoAcceptSelfAssociation: true })
        .expect(200);
      expect(same.body).toEqual({ changed: false });
      expect(await allEvents(t)).toEqual(before);

      const joined = await t.http
        .post(associationsPath(hq()))
        .set('Authorization', await bearer(t, u('zoe')))
        .send({ companyToken: hqToken, ...employeeInput(u('zoe')) })
        .expect(201);
      expect(joined.body).toEqual({
        associationId: expect.stringMatching(UUID),
        status: 'accepted',
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect((await eventsOf(t, joined.body.confirmationNumber)).map((ev) => ev.type)).toEqual([
        'EmployeeSelfAssociationRequested',
        'EmployeeJoined',
      ]);
      const zoe = (await employeesOf(t, e(), hq(), u('paula'), joined.body.position)).items.find(
        (i) => i.userId === u('zoe'),
      );
      expect(zoe).toMatchObject({ accessRole: 'personal_update', email: u('zoe') });
      const accepted = await t.http
        .get(`${associationsPath(hq())}?status=accepted`)
        .set('Authorization', await bearer(t, u('paula')))
        .expect(200);
      expect(accepted.body.items.find((i: { userId: string }) => i.userId === u('zoe'))).toMatchObject({
        associationId: joined.body.associationId,
        status: 'accepted',
      });
      await expectRejected(t, await asking(u('zoe'), hqToken), 409, 'ALREADY_MEMBER');

      const off = await t.http
        .put(settingsPath(hq()))
        .set('Authorization', await bearer(t, u('paula')))
        .send({ autoAcceptSelfAssociation: false })
        .expect(200);
      expect(off.body.confirmationNumber).toEqual(expect.stringMatching(CONFIRMATION));
      expect((await selfAssociate(t, e(), hq(), hqToken, u('yann'))).status).toBe('pending');
    });

    it('the setting is per location: Dallas still waits for a decision', async () => {
      const res = await t.http
        .put(settingsPath(hq()))
        .set('Authorization', await bearer(t, u('paula')))
        .send({ autoAcceptSelfAssociation: true })
        .expect(200);
      expect(res.body.confirmationNumber).toEqual(expect.any(String));
      expect((await selfAssociate(t, e(), dallas.locationId, dallas.companyToken, u('xena'))).status).toBe('pending');
    });
  });

  describe('POST .../locations/{locationId}/company-token', () => {
    const tokenPath = (locationId: string) => `${locationPath(e(), locationId)}/company-token`;

    it('refuses 403 without PRC/APA authority (the token stays valid), 404, 401', async () => {
      for (const [who, options] of [
        ['uli', {}],
        ['sam', {}],
        ['eve', {}],
        ['oscar', { roles: ['operator'] }],
        ['audrey', { roles: ['auditor'] }],
      ] as Caller[]) {
        const auth = await bearer(t, u(who), options);
        await expectRejected(t, () => t.http.post(tokenPath(hq())).set('Authorization', auth), 403, 'FORBIDDEN');
      }
      const paula = await bearer(t, u('paula'));
      await expectRejected(t, () => t.http.post(tokenPath(randomUUID())).set('Authorization', paula), 404, 'NOT_FOUND');
      await expectRejected(t, () => t.http.post(tokenPath(hq())), 401, 'UNAUTHENTICATED');
      expect((await selfAssociate(t, e(), hq(), hqToken, u('walt'))).status).toBe('accepted'); // HQ auto-accepts since the previous test
    });

    it('rotates (200 {companyToken, confirmationNumber}); the old token is then refused, the new one works', async () => {
      const res = await t.http
        .post(tokenPath(hq()))
        .set('Authorization', await bearer(t, u('amy')))
        .expect(200);
      expect(res.body).toEqual({
        companyToken: expect.stringMatching(COMPANY_TOKEN),
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
        // the re-display policy, said in the answer: the old token is dead, this one is shown once
        previousTokenValid: false,
        notice: expect.stringMatching(/previous company token stopped working.*shown only once/s),
      });
      const fresh = res.body.companyToken as string;
      issued.push(fresh);
      issuing.push(res.body.confirmationNumber);
      expect(issued.filter((token) => token === fresh)).toHaveLength(1);
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        { type: 'CompanyTokenRotated', data: expect.objectContaining({ locationId: hq(), rotatedBy: u('amy') }) },
      ]);

      await expectRejected(t, await asking(u('vic'), hqToken), 403, 'INVALID_COMPANY_TOKEN');
      const joined = await selfAssociate(t, e(), hq(), fresh, u('vic'));
      expect(joined.status).toBe('accepted');
      // another location's token is untouched
      expect((await selfAssociate(t, e(), dallas.locationId, dallas.companyToken, u('vic'))).status).toBe('pending');

      // a PRC in scope (the HQ PRC for Dallas) rotates again; each rotation gives a new token
      const dallasRotated = await t.http
        .post(tokenPath(dallas.locationId))
        .set('Authorization', await bearer(t, u('paula')))
        .expect(200);
      issued.push(dallasRotated.body.companyToken);
      const again = await t.http
        .post(tokenPath(hq()))
        .set('Authorization', await bearer(t, u('paula')))
        .expect(200);
      issued.push(again.body.companyToken);
      issuing.push(dallasRotated.body.confirmationNumber, again.body.confirmationNumber);
      expect(new Set(issued).size).toBe(issued.length);
      await expectRejected(t, await asking(u('wes'), fresh), 403, 'INVALID_COMPANY_TOKEN');
      await expectRejected(
        t,
        await asking(u('wes'), dallas.companyToken, dallas.locationId),
        403,
        'INVALID_COMPANY_TOKEN',
      );
      expect((await selfAssociate(t, e(), dallas.locationId, dallasRotated.body.companyToken, u('wes'))).status).toBe(
        'pending',
      );
      hqToken = again.body.companyToken;
    });
  });

  describe('the company token is a secret', () => {
    const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

    it('never appears in any query answer (nor does its digest), and the events keep only its digest', async () => {
      await caughtUp(t);
      expect(issued).toHaveLength(6);
      expect(issuing).toHaveLength(6);
      const paula = await bearer(t, u('paula'));
      const olga = await bearer(t, u('olga'));
      const auditor = await bearer(t, u('audrey'), { roles: ['auditor'] });
      const reads: [string, string][] = [
        [paula, enterprisePath(e())],
        [auditor, enterprisePath(e())],
        [paula, `${locationPath(e(), hq())}/employees`],
        [paula, `${locationPath(e(), hq())}/employees?asOf=${encodeURIComponent(new Date().toISOString())}`],
        [auditor, `${locationPath(e(), dallas.locationId)}/employees`],
        [paula, associationsPath(hq())],
        [paula, associationsPath(dallas.locationId)],
        [paula, `${locationPath(e(), hq())}/prc-communications-recipients`],
        [olga, enterprisePath(other.enterpriseId)],
        [olga, associationsPath(other.locationId, other.enterpriseId)],
        [auditor, `/v1/audit?enterpriseId=${e()}&limit=500`],
        [auditor, `/v1/audit.csv?enterpriseId=${e()}&limit=500`],
        [auditor, `/v1/audit?enterpriseId=${other.enterpriseId}`],
        [paula, `/v1/audit?action=RotateCompanyToken`],
        ...issuing.map((cn): [string, string] => [auditor, `/v1/confirmations/${cn}`]),
      ];
      const answers: string[] = [];
      for (const [auth, path] of reads)
        answers.push((await t.http.get(path).set('Authorization', auth).expect(200)).text);
      // the audit answers do cover the token-issuing commands
      const rotations = JSON.parse(answers[10]!).items.filter(
        (i: { action: string }) => i.action === 'RotateCompanyToken',
      );
      expect(rotations).toHaveLength(3);
      for (const answer of answers.slice(-6))
        expect(JSON.parse(answer).confirmationNumber).toEqual(expect.stringMatching(CONFIRMATION));

      const recorded = await allEvents(t);
      const events = JSON.stringify(recorded);
      for (const token of issued) {
        for (const answer of answers) {
          expect(answer).not.toContain(token);
          expect(answer).not.toContain(digest(token));
        }
        expect(events).not.toContain(token);
      }
      // what the log keeps is the SHA-256 of each token, one per issuing event
      const digests = recorded
        .filter((ev) => ev.type === 'CompanyTokenRotated' || ev.type === 'LocationCreated')
        .map((ev) => (ev.data as { companyTokenDigest: string }).companyTokenDigest);
      expect(digests.sort()).toEqual(issued.map(digest).sort());
    });
  });
});
