import { type TestApp, startTestApp } from '../support/test-app.js';
import { allEvents, bearer, caughtUp, expectRejected } from '../support/site-fixtures.js';
import { type Registered, createLocation, employeeInput, registerEnterprise } from '../support/partner-fixtures.js';
import {
  CONFIRMATION,
  type Location,
  UUID,
  employeesOf,
  enterprisePath,
  eventsOf,
  fieldsOf,
  hierarchyOf,
  hire,
  locationIn,
  locationPath,
} from './partner-steps.js';

const u = (name: string) => `${name}@example.com`;

/**
 * Issue 13, over HTTP: what a PRC, an APA and an employee still missed.
 *
 * Acme: HQ (US, tier 2, worldwide + US HQ): paula PRC, amy APA, uli personal_update, sam, dieter
 *       Dallas (US, tier 2): sam PRC; dina distributor, vera view_only
 *       Berlin (DE, DE HQ): dieter PRC; Hamburg (DE): greta PRC (joined Berlin first)
 */
describe('Partner profile, complete: me, joining with a token alone, enterprise edits, direct adds, location, compliance (HTTP)', () => {
  let t: TestApp;
  let reg: Registered;
  let dallas: Location;
  let berlin: Location;
  let hamburg: Location;
  const e = () => reg.enterpriseId;
  const hq = () => reg.locationId;

  beforeAll(async () => {
    t = await startTestApp();
    reg = await registerEnterprise(t, u('paula'));
    await hire(t, e(), hq(), reg.companyToken, u('amy'), u('paula'), { role: 'apa' });
    await hire(t, e(), hq(), reg.companyToken, u('uli'), u('paula'));
    await hire(t, e(), hq(), reg.companyToken, u('sam'), u('paula'));
    await hire(t, e(), hq(), reg.companyToken, u('dieter'), u('paula'));
    dallas = await createLocation(t, e(), u('sam'), 'Acme Dallas');
    await hire(t, e(), dallas.locationId, dallas.companyToken, u('dina'), u('sam'), { role: 'distributor' });
    await hire(t, e(), dallas.locationId, dallas.companyToken, u('vera'), u('sam'), { role: 'view_only' });
    berlin = await createLocation(t, e(), u('dieter'), 'Acme Berlin', 'DE');
    await hire(t, e(), berlin.locationId, berlin.companyToken, u('greta'), u('dieter'));
    hamburg = await createLocation(t, e(), u('greta'), 'Acme Hamburg', 'DE');
  });
  afterAll(() => t.close());

  const get = async (path: string, as: string, roles: ('auditor' | 'operator')[] = []) =>
    t.http.get(path).set('Authorization', await bearer(t, as, { roles }));
  const joinWithToken = async (userId: string, companyToken: string, body: object = employeeInput(userId)) => {
    const auth = await bearer(t, userId);
    return () =>
      t.http
        .post('/v1/self-associations')
        .set('Authorization', auth)
        .send({ companyToken, ...body });
  };

  describe('1. employees see themselves', () => {
    it('GET /v1/me/locations: enterprise, country, location, access role and TCI roles of each employment', async () => {
      const res = await get('/v1/me/locations', u('sam'));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      const byLocation = new Map(res.body.items.map((i: { locationId: string }) => [i.locationId, i]));
      expect(byLocation.get(dallas.locationId)).toEqual({
        enterpriseId: e(),
        enterpriseName: 'Acme Partners',
        countryEnterpriseId: reg.countryEnterpriseId,
        countryEnterpriseName: 'Acme Partners US',
        country: 'US',
        locationId: dallas.locationId,
        locationName: 'Acme Dallas',
        accessRole: 'prc',
        tci: { businessContact: false, secondaryBusinessContact: false },
        joinedAt: expect.any(String),
      });
      expect(byLocation.get(hq())).toMatchObject({ locationName: 'Acme HQ', accessRole: 'personal_update' });
      expect((await get('/v1/me/locations', u('stranger'))).body).toEqual({ items: [], total: 0 });
      await t.http.get('/v1/me/locations').expect(401);
    });

    it('GET /v1/me/self-associations: pending, accepted and denied (with reason and confirmation number), newest first, only one’s own', async () => {
      const ask = async (locationId: string, token: string) => {
        const res = await t.http
          .post(`${locationPath(e(), locationId)}/self-associations`)
          .set('Authorization', await bearer(t, u('nora')))
          .send({ companyToken: token, ...employeeInput(u('nora')) })
          .expect(201);
        return res.body as { associationId: string; confirmationNumber: string };
      };
      const accepted = await ask(hq(), reg.companyToken);
      const denied = await ask(dallas.locationId, dallas.companyToken);
      const pending = await ask(berlin.locationId, berlin.companyToken);
      await t.http
        .post(`${enterprisePath(e())}/self-associations/${accepted.associationId}/approve`)
        .set('Authorization', await bearer(t, u('amy')))
        .expect(200);
      await t.http
        .post(`${enterprisePath(e())}/self-associations/${denied.associationId}/deny`)
        .set('Authorization', await bearer(t, u('sam')))
        .send({ reason: 'Not on our staff list' })
        .expect(200);
      await caughtUp(t);
      const res = await get('/v1/me/self-associations', u('nora'));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((i: { associationId: string }) => i.associationId)).toEqual([
        pending.associationId,
        denied.associationId,
        accepted.associationId,
      ]);
      expect(res.body.items[0]).toEqual({
        associationId: pending.associationId,
        enterpriseId: e(),
        locationId: berlin.locationId,
        locationName: 'Acme Berlin',
        status: 'pending',
        requestedAt: expect.any(String),
        confirmationNumber: pending.confirmationNumber,
      });
      expect(res.body.items[1]).toMatchObject({
        status: 'denied',
        reason: 'Not on our staff list',
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        decidedAt: expect.any(String),
      });
      expect(res.body.items[1]).not.toHaveProperty('decidedBy');
      expect(res.body.items[2]).toMatchObject({ status: 'accepted', locationName: 'Acme HQ' });
      expect((await get('/v1/me/self-associations', u('paula'))).body.total).toBe(0);
    });
  });

  describe('3. join with the token alone: POST /v1/self-associations', () => {
    it('finds the location by the token and asks to join it (201, with the ids the token opened)', async () => {
      const res = await (await joinWithToken(u('tina'), dallas.companyToken))().expect(201);
      expect(res.body).toEqual({
        associationId: expect.stringMatching(UUID),
        status: 'pending',
        enterpriseId: e(),
        locationId: dallas.locationId,
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        {
          type: 'EmployeeSelfAssociationRequested',
          data: expect.objectContaining({ locationId: dallas.locationId, userId: u('tina') }),
        },
      ]);
      await expectRejected(t, await joinWithToken(u('tina'), dallas.companyToken), 409, 'REQUEST_PENDING');
    });

    it('answers an unknown token exactly as a rotated-away one (403 INVALID_COMPANY_TOKEN), recording nothing', async () => {
      const unknown = await expectRejected(
        t,
        await joinWithToken(u('tom'), 'no-such-token-0123456789abcdef'),
        403,
        'INVALID_COMPANY_TOKEN',
      );
      const before = hamburg.companyToken;
      const rotated = await t.http
        .post(`${locationPath(e(), hamburg.locationId)}/company-token`)
        .set('Authorization', await bearer(t, u('greta')))
        .expect(200);
      await caughtUp(t);
      const stale = await expectRejected(t, await joinWithToken(u('tom'), before), 403, 'INVALID_COMPANY_TOKEN');
      expect(stale.body.detail).toBe(unknown.body.detail);
      expect(stale.body.title).toBe(unknown.body.title);
      await (await joinWithToken(u('tom'), rotated.body.companyToken))().expect(201);
    });

    it('refuses a malformed body (400 VALIDATION_FAILED) before looking at the token, recording nothing', async () => {
      const res = await expectRejected(
        t,
        await joinWithToken(u('tom'), '', { firstName: '', email: 'not-an-email', extra: 1 }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(res.body)).toEqual(['companyToken', 'email', 'extra', 'firstName', 'lastName']);
    });

    it('auditors change nothing (403), with any token', async () => {
      const auth = await bearer(t, u('audrey'), { roles: ['auditor'] });
      await expectRejected(
        t,
        () =>
          t.http
            .post('/v1/self-associations')
            .set('Authorization', auth)
            .send({ companyToken: dallas.companyToken, ...employeeInput(u('audrey')) }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('4. edit the enterprise', () => {
    it('the worldwide HQ PRC renames the enterprise; audited with before/after; others get 403 and record nothing', async () => {
      for (const who of ['amy', 'dieter', 'uli']) {
        const auth = await bearer(t, u(who));
        await expectRejected(
          t,
          () =>
            t.http
              .put(`${enterprisePath(e())}/profile`)
              .set('Authorization', auth)
              .send({ name: 'Mine' }),
          403,
          'FORBIDDEN',
        );
      }
      const res = await t.http
        .put(`${enterprisePath(e())}/profile`)
        .set('Authorization', await bearer(t, u('paula')))
        .send({ name: 'Acme Worldwide' })
        .expect(200);
      expect((await hierarchyOf(t, e(), u('uli'), res.body.position)).name).toBe('Acme Worldwide');
      const audit = await get(`/v1/confirmations/${res.body.confirmationNumber}`, u('audrey'), ['auditor']);
      expect(audit.body).toMatchObject({
        action: expect.any(String),
        actorId: u('paula'),
        changes: [{ field: 'enterprise.name', from: 'Acme Partners', to: 'Acme Worldwide' }],
      });
      const unchanged = await t.http
        .put(`${enterprisePath(e())}/profile`)
        .set('Authorization', await bearer(t, u('paula')))
        .send({ name: 'Acme Worldwide' })
        .expect(200);
      expect(unchanged.body).toEqual({ changed: false });
    });

    it('the country HQ PRC renames the country enterprise; a malformed name is 400 and records nothing', async () => {
      const path = `${enterprisePath(e())}/country-enterprises/${berlin.countryEnterpriseId}/profile`;
      const dieter = await bearer(t, u('dieter'));
      await expectRejected(
        t,
        () => t.http.put(path).set('Authorization', dieter).send({ name: '' }),
        400,
        'VALIDATION_FAILED',
      );
      const greta = await bearer(t, u('greta'));
      await expectRejected(t, () => t.http.put(path).set('Authorization', greta).send({ name: 'G' }), 403, 'FORBIDDEN');
      const res = await t.http.put(path).set('Authorization', dieter).send({ name: 'Acme Deutschland' }).expect(200);
      const hierarchy = await hierarchyOf(t, e(), u('dieter'), res.body.position);
      expect(hierarchy.countryEnterprises.find((c) => c.country === 'DE')?.name).toBe('Acme Deutschland');
    });

    it('moving a country HQ changes scope at once: the new HQ’s PRC manages the country, the former one no longer', async () => {
      const path = `${enterprisePath(e())}/country-enterprises/${berlin.countryEnterpriseId}/headquarters`;
      const hamburgAssociations = `${locationPath(e(), hamburg.locationId)}/self-associations`;
      const berlinAssociations = `${locationPath(e(), berlin.locationId)}/self-associations`;
      expect((await get(berlinAssociations, u('greta'))).status).toBe(403);
      expect((await get(hamburgAssociations, u('dieter'))).status).toBe(200);
      // greta (PRC of Hamburg, not the HQ) may not make her own location the HQ
      const greta = await bearer(t, u('greta'));
      await expectRejected(
        t,
        () => t.http.put(path).set('Authorization', greta).send({ locationId: hamburg.locationId }),
        403,
        'FORBIDDEN',
      );
      // a location of another country is not a headquarters of this one
      const dieter = await bearer(t, u('dieter'));
      await expectRejected(
        t,
        () => t.http.put(path).set('Authorization', dieter).send({ locationId: dallas.locationId }),
        400,
        'VALIDATION_FAILED',
      );
      const res = await t.http
        .put(path)
        .set('Authorization', dieter)
        .send({ locationId: hamburg.locationId })
        .expect(200);
      await caughtUp(t);
      expect((await get(berlinAssociations, u('greta'))).status).toBe(200);
      expect((await get(hamburgAssociations, u('dieter'))).status).toBe(403);
      const audit = await get(`/v1/confirmations/${res.body.confirmationNumber}`, u('audrey'), ['auditor']);
      expect(audit.body.changes).toEqual([
        {
          field: `countryEnterprise(${berlin.countryEnterpriseId}).headquartersLocationId`,
          from: berlin.locationId,
          to: hamburg.locationId,
        },
      ]);
      const location = await get(locationPath(e(), hamburg.locationId), u('greta'));
      expect(location.body).toMatchObject({ countryHeadquarters: true, worldwideHeadquarters: false });
    });

    it('only the worldwide HQ PRC moves the worldwide HQ; its new PRC then manages every country', async () => {
      const path = `${enterprisePath(e())}/headquarters`;
      for (const who of ['sam', 'greta', 'amy']) {
        const auth = await bearer(t, u(who));
        await expectRejected(
          t,
          () => t.http.put(path).set('Authorization', auth).send({ locationId: dallas.locationId }),
          403,
          'FORBIDDEN',
        );
      }
      const dallasSelfAssociations = `${locationPath(e(), dallas.locationId)}/self-associations`;
      expect((await get(`${locationPath(e(), berlin.locationId)}/self-associations`, u('sam'))).status).toBe(403);
      await t.http
        .put(path)
        .set('Authorization', await bearer(t, u('paula')))
        .send({ locationId: dallas.locationId })
        .expect(200);
      await caughtUp(t);
      expect((await get(`${locationPath(e(), berlin.locationId)}/self-associations`, u('sam'))).status).toBe(200);
      expect((await get(dallasSelfAssociations, u('paula'))).status).toBe(200); // still US country HQ PRC
      expect((await get(`${locationPath(e(), berlin.locationId)}/self-associations`, u('paula'))).status).toBe(403);
      expect((await hierarchyOf(t, e(), u('sam'))).worldwideHeadquartersLocationId).toBe(dallas.locationId);
    });
  });

  describe('auditors change nothing through the new commands', () => {
    it('answers 403 to an auditor on each, recording nothing', async () => {
      const auditor = await bearer(t, u('paula'), { roles: ['auditor'] }); // an auditor, even one who is a PRC
      const base = enterprisePath(e());
      for (const [method, path, body] of [
        ['put', `${base}/profile`, { name: 'Audited' }],
        ['put', `${base}/headquarters`, { locationId: hq() }],
        ['put', `${base}/country-enterprises/${berlin.countryEnterpriseId}/profile`, { name: 'Audited' }],
        [
          'put',
          `${base}/country-enterprises/${berlin.countryEnterpriseId}/headquarters`,
          { locationId: berlin.locationId },
        ],
        ['post', `${locationPath(e(), hq())}/employees`, { userId: u('zed'), ...employeeInput(u('zed')) }],
      ] as const) {
        await expectRejected(t, () => t.http[method](path).set('Authorization', auditor).send(body), 403, 'FORBIDDEN');
      }
    });
  });

  describe('5. add an employee directly', () => {
    const employeesPath = () => `${locationPath(e(), hq())}/employees`;
    const add = async (by: string, body: object) => {
      const auth = await bearer(t, by);
      return () => t.http.post(employeesPath()).set('Authorization', auth).send(body);
    };

    it('an APA adds a person with personal_update by default (201); they see the location at once', async () => {
      const res = await (await add(u('amy'), { userId: u('ken'), ...employeeInput(u('ken')) }))().expect(201);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
        {
          type: 'EmployeeJoined',
          data: expect.objectContaining({ userId: u('ken'), accessRole: 'personal_update', via: 'added' }),
        },
      ]);
      await caughtUp(t);
      const mine = await get('/v1/me/locations', u('ken'));
      expect(mine.body.items).toEqual([expect.objectContaining({ locationId: hq(), accessRole: 'personal_update' })]);
      const withRole = await (
        await add(u('paula'), { userId: u('lia'), ...employeeInput(u('lia')), accessRole: 'view_only' })
      )().expect(201);
      const employees = await employeesOf(t, e(), hq(), u('paula'), withRole.body.position);
      expect(employees.items.find((i) => i.userId === u('lia'))).toMatchObject({ accessRole: 'view_only' });
    });

    it('refuses, recording nothing: adding oneself, a PRC, a member, someone out of scope, bad input', async () => {
      await expectRejected(
        t,
        await add(u('amy'), { userId: u('amy'), ...employeeInput(u('amy')), accessRole: 'apa' }),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        await add(u('greta'), { userId: u('greta'), ...employeeInput(u('greta')) }),
        403,
        'FORBIDDEN',
      );
      await expectRejected(t, await add(u('uli'), { userId: u('zed'), ...employeeInput(u('zed')) }), 403, 'FORBIDDEN');
      await expectRejected(
        t,
        await add(u('amy'), { userId: u('zed'), ...employeeInput(u('zed')), accessRole: 'prc' }),
        409,
        'PRC_REQUIRES_TRANSFER',
      );
      await expectRejected(
        t,
        await add(u('amy'), { userId: u('uli'), ...employeeInput(u('uli')) }),
        409,
        'ALREADY_MEMBER',
      );
      const bad = await expectRejected(
        t,
        await add(u('amy'), { userId: 'not an id', firstName: 'Z', lastName: 'Z', email: 'x', accessRole: 'boss' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['accessRole', 'email', 'userId']);
    });
  });

  describe('6. distributor compliance summary; who sees what', () => {
    const summaryPath = () => `${locationPath(e(), dallas.locationId)}/compliance-summary`;

    it('tells a distributor tier, region, whether a PRC is assigned, counts by access role and TCI contacts: no personal data', async () => {
      const res = await get(summaryPath(), u('dina'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        locationId: dallas.locationId,
        partnerTier: 2,
        region: 'north_america',
        prcAssigned: true,
        employees: 3,
        employeesByAccessRole: { prc: 1, apa: 0, distributor: 1, distributor_pi: 0, personal_update: 0, view_only: 1 },
        tciContacts: { businessContact: false, secondaryBusinessContact: false },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/@/);
    });

    it('answers PRC/APA in scope, auditors and operators; refuses view_only, personal_update and strangers', async () => {
      for (const [who, roles] of [
        ['sam', []],
        ['paula', []],
        ['audrey', ['auditor']],
        ['oscar', ['operator']],
      ] as const)
        expect([who, (await get(summaryPath(), u(who), [...roles])).status]).toEqual([who, 200]);
      for (const who of ['vera', 'uli', 'stranger'])
        expect([who, (await get(summaryPath(), u(who))).status]).toEqual([who, 403]);
    });

    it('a view_only employee sees other employees by name, role and opaque reference only', async () => {
      const res = await employeesOf(t, e(), dallas.locationId, u('vera'));
      const others = res.items.filter((i) => i.userId !== u('vera'));
      expect(others.length).toBe(2);
      for (const other of others)
        expect(Object.keys(other).sort()).toEqual(['accessRole', 'employeeRef', 'firstName', 'lastName']);
    });

    it('the enterprise view shows addresses only to PRC/APA in scope, auditors and operators', async () => {
      const asVera = await hierarchyOf(t, e(), u('vera'));
      expect(locationIn(asVera, dallas.locationId)).not.toHaveProperty('address');
      expect(locationIn(asVera, hq())).not.toHaveProperty('prcUserId');
      expect(locationIn(await hierarchyOf(t, e(), u('sam')), dallas.locationId)).toHaveProperty('address');
    });
  });

  describe('7. company tokens: shown once; rotation and who rotated it', () => {
    it('GET the location tells its PRC/APA when and by whom the token was last rotated; others never', async () => {
      const before = await get(locationPath(e(), hq()), u('paula'));
      expect(before.body).not.toHaveProperty('tokenRotatedAt');
      const rotated = await t.http
        .post(`${locationPath(e(), hq())}/company-token`)
        .set('Authorization', await bearer(t, u('amy')))
        .expect(200);
      expect(rotated.body).toMatchObject({
        previousTokenValid: false,
        notice: expect.stringContaining('stopped working'),
      });
      await caughtUp(t);
      for (const who of ['paula', 'amy']) {
        const res = await get(locationPath(e(), hq()), u(who));
        expect(res.body).toMatchObject({
          locationId: hq(),
          tokenRotatedAt: expect.any(String),
          tokenRotatedBy: u('amy'),
        });
        expect(JSON.stringify(res.body)).not.toContain(rotated.body.companyToken);
      }
      const asUli = await get(locationPath(e(), hq()), u('uli'));
      expect(asUli.status).toBe(200);
      expect(asUli.body).not.toHaveProperty('tokenRotatedBy');
      expect(asUli.body).not.toHaveProperty('tokenRotatedAt');
      expect(asUli.body).not.toHaveProperty('address');
      expect((await get(locationPath(e(), hq()), u('stranger'))).status).toBe(403);
      // the old token opens nothing any more
      await expectRejected(t, await joinWithToken(u('xena'), reg.companyToken), 403, 'INVALID_COMPANY_TOKEN');
    });
  });

  describe('2. e-mails through the outbox, each once', () => {
    type Mail = {
      userId: string;
      to: string | null;
      subject: string;
      body: string;
      status: string;
      locationId?: string;
    };
    const mailsOf = async (userId: string) => (await get('/v1/me/notifications', userId)).body.items as Mail[];

    it('a pending self-association reaches the location’s PRC/APAs; the decision reaches the requester once', async () => {
      const asked = await (await joinWithToken(u('quinn'), dallas.companyToken))().expect(201);
      await caughtUp(t);
      const toSam = (await mailsOf(u('sam'))).filter((m) => m.body.includes(u('quinn')));
      expect(toSam).toEqual([
        expect.objectContaining({
          to: u('sam'),
          subject: 'A self-association to Acme Dallas awaits your approval',
          locationId: dallas.locationId,
          status: 'queued',
        }),
      ]);
      // not the distributor, not the view_only employee
      for (const who of ['dina', 'vera'])
        expect((await mailsOf(u(who))).filter((m) => m.body.includes(u('quinn')))).toEqual([]);
      await t.http
        .post(`${enterprisePath(e())}/self-associations/${asked.body.associationId}/deny`)
        .set('Authorization', await bearer(t, u('sam')))
        .send({ reason: 'Not at Dallas' })
        .expect(200);
      await caughtUp(t);
      const toQuinn = await mailsOf(u('quinn'));
      expect(toQuinn).toEqual([
        expect.objectContaining({
          to: u('quinn'),
          subject: 'Your request to join Acme Dallas was denied',
          body: expect.stringContaining('Reason: Not at Dallas'),
        }),
      ]);
    });

    it('a person added directly is welcomed; a new PRC is told; the PRC’s communications go to the APAs while it is missing', async () => {
      expect((await mailsOf(u('ken'))).map((m) => m.subject)).toEqual([expect.stringMatching(/^Welcome to /)]);
      await t.http
        .delete(`${locationPath(e(), dallas.locationId)}/employees/${u('sam')}`)
        .set('Authorization', await bearer(t, u('sam')))
        .expect(200);
      await t.http
        .put(`${locationPath(e(), dallas.locationId)}/employees/${u('vera')}/access-role`)
        .set('Authorization', await bearer(t, u('paula')))
        .send({ accessRole: 'apa' })
        .expect(200);
      const rotated = await t.http
        .post(`${locationPath(e(), dallas.locationId)}/company-token`)
        .set('Authorization', await bearer(t, u('paula')))
        .expect(200);
      await caughtUp(t);
      const toVera = (await mailsOf(u('vera'))).filter((m) => m.subject.includes('company token'));
      expect(toVera).toEqual([expect.objectContaining({ to: u('vera'), body: expect.stringContaining(u('paula')) })]);
      expect(rotated.body.confirmationNumber).toEqual(expect.any(String));
      await t.http
        .put(`${locationPath(e(), dallas.locationId)}/primary-relationship-contact`)
        .set('Authorization', await bearer(t, u('paula')))
        .send({ userId: u('dina') })
        .expect(200);
      await caughtUp(t);
      expect((await mailsOf(u('dina'))).map((m) => m.subject)).toContain(
        'You are the Primary Relationship Contact of Acme Dallas',
      );
    });
  });
});

/** Its own app: a low limit for refused company tokens. */
describe('Joining with a company token is rate-limited (HTTP)', () => {
  let t: TestApp;
  let reg: Registered;
  beforeAll(async () => {
    t = await startTestApp({ COMPANY_TOKEN_FAILURE_LIMIT: '2', COMPANY_TOKEN_FAILURE_WINDOW_SECONDS: '600' });
    reg = await registerEnterprise(t, u('paula'));
  });
  afterAll(() => t.close());

  it('after too many refused tokens answers 429 with Retry-After, even for the right token, recording nothing', async () => {
    const auth = await bearer(t, u('guesser'));
    const attempt = (companyToken: string) => () =>
      t.http
        .post('/v1/self-associations')
        .set('Authorization', auth)
        .send({ companyToken, ...employeeInput(u('guesser')) });
    await expectRejected(t, attempt('guess-1-aaaaaaaaaaaaaaaaaaaaaa'), 403, 'INVALID_COMPANY_TOKEN');
    await expectRejected(t, attempt('guess-2-aaaaaaaaaaaaaaaaaaaaaa'), 403, 'INVALID_COMPANY_TOKEN');
    const limited = await expectRejected(t, attempt('guess-3-aaaaaaaaaaaaaaaaaaaaaa'), 429, 'TOO_MANY_REQUESTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await expectRejected(t, attempt(reg.companyToken), 429, 'TOO_MANY_REQUESTS');
    // the location-scoped route shares the limit
    await expectRejected(
      t,
      () =>
        t.http
          .post(`${locationPath(reg.enterpriseId, reg.locationId)}/self-associations`)
          .set('Authorization', auth)
          .send({ companyToken: reg.companyToken, ...employeeInput(u('guesser')) }),
      429,
      'TOO_MANY_REQUESTS',
    );
    expect((await allEvents(t)).filter((ev) => ev.type === 'EmployeeSelfAssociationRequested')).toEqual([]);
  });
});
