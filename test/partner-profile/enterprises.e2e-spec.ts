import { randomUUID } from 'node:crypto';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { allEvents, bearer, expectRejected } from '../support/site-fixtures.js';
import {
  type Registered,
  createLocation,
  employeeInput,
  locationInput,
  registerEnterprise,
} from '../support/partner-fixtures.js';
import {
  COMPANY_TOKEN,
  CONFIRMATION,
  UUID,
  employeesOf,
  enterprisePath,
  eventsOf,
  fieldsOf,
  hierarchyOf,
  invalidFields,
  hire,
  locationIn,
  locationPath,
  setRole,
} from './partner-steps.js';

const profileOf = (name: string, partnerTier: 1 | 2 = 2) => {
  const { country: _country, ...profile } = locationInput(name, 'US', partnerTier);
  return profile;
};

describe('Partner profile: enterprises, hierarchy, locations, location profile (HTTP, embedded stores)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const registration = (prc: string, country = 'US') => ({
    name: 'Acme Partners',
    countryEnterpriseName: `Acme Partners ${country}`,
    location: locationInput('Acme HQ', country, 2),
    employee: employeeInput(prc),
  });

  describe('POST /v1/enterprises', () => {
    it('registers the enterprise, its first country enterprise and the worldwide HQ in one command; the caller is the PRC', async () => {
      const res = await t.http
        .post('/v1/enterprises')
        .set('Authorization', await bearer(t, 'paula@example.com'))
        .send(registration('paula@example.com'))
        .expect(201);
      expect(res.body).toEqual({
        enterpriseId: expect.stringMatching(UUID),
        countryEnterpriseId: expect.stringMatching(UUID),
        locationId: expect.stringMatching(UUID),
        companyToken: expect.stringMatching(COMPANY_TOKEN),
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      const { enterpriseId, countryEnterpriseId, locationId, confirmationNumber, position } = res.body as Registered;
      expect(new Set([enterpriseId, countryEnterpriseId, locationId]).size).toBe(3);

      const hierarchy = await t.http
        .get(enterprisePath(enterpriseId))
        .set('Authorization', await bearer(t, 'paula@example.com'))
        .set('X-Consistent-With', position)
        .expect(200);
      expect(hierarchy.headers['x-projection-position']).toBe(position);
      expect(hierarchy.body).toMatchObject({
        enterpriseId,
        name: 'Acme Partners',
        worldwideHeadquartersLocationId: locationId,
        countryEnterprises: [
          {
            countryEnterpriseId,
            country: 'US',
            name: 'Acme Partners US',
            headquartersLocationId: locationId,
            locations: [
              {
                locationId,
                name: 'Acme HQ',
                region: 'north_america',
                partnerTier: 2,
                prcUserId: 'paula@example.com',
                warnings: [],
              },
            ],
          },
        ],
      });

      const employees = await employeesOf(t, enterpriseId, locationId, 'paula@example.com', position);
      expect(employees).toEqual({
        total: 1,
        items: [
          {
            userId: 'paula@example.com',
            employeeRef: expect.stringMatching(/^emp_[0-9a-f]{24}$/),
            firstName: 'Paula',
            lastName: 'Partner',
            email: 'paula@example.com',
            accessRole: 'prc',
            tci: { businessContact: false, secondaryBusinessContact: false },
          },
        ],
      });

      const events = await eventsOf(t, confirmationNumber);
      expect(events.map((e) => e.type)).toEqual([
        'EnterpriseRegistered',
        'CountryEnterpriseAdded',
        'LocationCreated',
        'EmployeeJoined',
      ]);
      expect(events[3]!.data).toMatchObject({
        enterpriseId,
        locationId,
        userId: 'paula@example.com',
        accessRole: 'prc',
      });
    });

    it('makes the caller (from the token, not the body) the PRC, with the e-mail from the body', async () => {
      const body = {
        ...registration('whatever@example.com'),
        employee: {
          firstName: 'Quentin',
          lastName: 'Quill',
          email: 'q.quill@example.com',
          telephone: '+1 512 555 0199',
        },
      };
      const res = await t.http
        .post('/v1/enterprises')
        .set('Authorization', await bearer(t, 'Quentin@Example.com'))
        .send(body)
        .expect(201);
      const employees = await employeesOf(
        t,
        res.body.enterpriseId,
        res.body.locationId,
        'quentin@example.com',
        res.body.position,
      );
      expect(employees.items).toEqual([
        {
          userId: 'quentin@example.com',
          employeeRef: expect.stringMatching(/^emp_[0-9a-f]{24}$/),
          firstName: 'Quentin',
          lastName: 'Quill',
          email: 'q.quill@example.com',
          telephone: '+1 512 555 0199',
          accessRole: 'prc',
          tci: { businessContact: false, secondaryBusinessContact: false },
        },
      ]);
    });

    it('refuses 401 without a (valid) token, recording nothing', async () => {
      await expectRejected(
        t,
        () => t.http.post('/v1/enterprises').send(registration('paula@example.com')),
        401,
        'UNAUTHENTICATED',
      );
      await expectRejected(
        t,
        () =>
          t.http
            .post('/v1/enterprises')
            .set('Authorization', 'Bearer not.a.token')
            .send(registration('paula@example.com')),
        401,
        'UNAUTHENTICATED',
      );
    });

    const good = registration('paula@example.com');
    it.each([
      ['an unknown country', { ...good, location: { ...good.location, country: 'XX' } }, ['location.country']],
      ['partner tier 3', { ...good, location: { ...good.location, partnerTier: 3 } }, ['location.partnerTier']],
      [
        'a missing employee e-mail',
        { ...good, employee: { firstName: 'Paula', lastName: 'Partner' } },
        ['employee.email'],
      ],
      ['an unknown field', { ...good, extra: true }, ['extra']],
      ['an unknown nested field', { ...good, employee: { ...good.employee, nickname: 'P' } }, ['employee.nickname']],
      [
        'a missing and an empty name',
        { countryEnterpriseName: '', location: good.location, employee: good.employee },
        ['countryEnterpriseName', 'name'],
      ],
      ['a location that is not an object', { ...good, location: 'Austin' }, ['location']],
      ['a null employee', { ...good, employee: null }, ['employee']],
    ])('refuses 400 VALIDATION_FAILED naming the field for %s, recording nothing', async (_case, body, fields) => {
      expect(await invalidFields(t, 'paula@example.com', '/v1/enterprises', body)).toEqual(fields);
    });

    it('names every bad field at once', async () => {
      const body = {
        ...good,
        location: { ...good.location, country: 'XX', partnerTier: 3 },
        employee: { firstName: 'Paula', lastName: 'Partner' },
        extra: 1,
      };
      expect(await invalidFields(t, 'paula@example.com', '/v1/enterprises', body)).toEqual([
        'employee.email',
        'extra',
        'location.country',
        'location.partnerTier',
      ]);
    });
  });

  describe('GET /v1/enterprises/{enterpriseId}', () => {
    let reg: Registered;
    let austin: Awaited<ReturnType<typeof createLocation>>;
    let munich: Awaited<ReturnType<typeof createLocation>>;
    beforeAll(async () => {
      reg = await registerEnterprise(t, 'paula@example.com');
      await hire(t, reg.enterpriseId, reg.locationId, reg.companyToken, 'emma@example.com', 'paula@example.com');
      await hire(t, reg.enterpriseId, reg.locationId, reg.companyToken, 'pete@example.com', 'paula@example.com');
      austin = await createLocation(t, reg.enterpriseId, 'emma@example.com', 'Acme Austin', 'US', 1);
      munich = await createLocation(t, reg.enterpriseId, 'paula@example.com', 'Acme Munich', 'DE', 2);
    });

    it('answers the whole hierarchy: country enterprises, their HQ, locations with region, tier, PRC and warnings', async () => {
      // paula, PRC of the worldwide HQ, sees every location in full (what pete sees: the next test)
      const hierarchy = await hierarchyOf(t, reg.enterpriseId, 'paula@example.com', munich.position);
      expect(hierarchy).toMatchObject({
        enterpriseId: reg.enterpriseId,
        name: 'Acme Partners',
        worldwideHeadquartersLocationId: reg.locationId,
        countryEnterprises: [
          {
            countryEnterpriseId: reg.countryEnterpriseId,
            country: 'US',
            name: 'Acme Partners US',
            headquartersLocationId: reg.locationId,
            locations: [
              {
                locationId: reg.locationId,
                name: 'Acme HQ',
                region: 'north_america',
                partnerTier: 2,
                prcUserId: 'paula@example.com',
                warnings: [],
              },
              {
                locationId: austin.locationId,
                name: 'Acme Austin',
                region: 'north_america',
                partnerTier: 1,
                prcUserId: 'emma@example.com',
                warnings: [],
              },
            ],
          },
          {
            countryEnterpriseId: munich.countryEnterpriseId,
            country: 'DE',
            name: 'Acme Partners DE',
            headquartersLocationId: munich.locationId,
            locations: [
              {
                locationId: munich.locationId,
                name: 'Acme Munich',
                region: 'emea',
                partnerTier: 2,
                prcUserId: 'paula@example.com',
                warnings: [],
              },
            ],
          },
        ],
      });
      // internal bookkeeping stays out of the answer
      expect(hierarchy).not.toHaveProperty('_id');
      expect(hierarchy).not.toHaveProperty('position');
      const text = JSON.stringify(hierarchy);
      for (const token of [reg.companyToken, austin.companyToken, munich.companyToken])
        expect(text).not.toContain(token);
      expect(text).not.toMatch(/companyToken/i);
    });

    it('shows addresses and other locations’ details only to PRC/APA in scope, auditors and operators', async () => {
      const ADDRESS_FIELDS = ['address', 'city', 'postalCode'];
      // pete (personal_update at the HQ): his own location without its address, the others in outline
      const asPete = await hierarchyOf(t, reg.enterpriseId, 'pete@example.com', munich.position);
      const hq = locationIn(asPete, reg.locationId)!;
      // …and not its PRC's user id (an e-mail): personal_update sees no colleague's id
      expect(hq).toMatchObject({ warnings: [], autoAcceptSelfAssociation: expect.any(Boolean) });
      expect(hq).not.toHaveProperty('prcUserId');
      for (const field of ADDRESS_FIELDS) expect(hq).not.toHaveProperty(field);
      const other = locationIn(asPete, munich.locationId)!;
      expect(Object.keys(other).sort()).toEqual(['country', 'locationId', 'name', 'partnerTier', 'region', 'warnings']);
      // emma (PRC of Austin) sees Austin in full, Munich (out of her scope) in outline
      const asEmma = await hierarchyOf(t, reg.enterpriseId, 'emma@example.com');
      expect(locationIn(asEmma, austin.locationId)).toMatchObject({ address: '1 Partner Way', city: 'Austin' });
      expect(locationIn(asEmma, munich.locationId)).not.toHaveProperty('address');
      // the worldwide PRC, an auditor and an operator see every address
      for (const [who, roles] of [
        ['paula@example.com', []],
        ['audrey@example.com', ['auditor']],
        ['oscar@example.com', ['operator']],
      ] as const) {
        const res = await t.http
          .get(enterprisePath(reg.enterpriseId))
          .set('Authorization', await bearer(t, who, { roles: [...roles] }))
          .expect(200);
        const munichSeen = locationIn(res.body, munich.locationId)!;
        expect(munichSeen).toMatchObject({ address: '1 Partner Way', city: 'Austin', postalCode: '73301' });
        expect(munichSeen).not.toHaveProperty('companyTokenRotatedBy');
      }
    });

    it('answers 200 to any employee, an auditor and an operator; 403 to a stranger; 404 unknown; 400 non-uuid; 401 without token', async () => {
      const path = enterprisePath(reg.enterpriseId);
      const callers = [
        await bearer(t, 'paula@example.com'),
        await bearer(t, 'pete@example.com'),
        await bearer(t, 'emma@example.com'),
        await bearer(t, 'audrey@example.com', { roles: ['auditor'] }),
        await bearer(t, 'oscar@example.com', { roles: ['operator'] }),
      ];
      for (const caller of callers) {
        const res = await t.http.get(path).set('Authorization', caller).expect(200);
        expect(res.body.enterpriseId).toBe(reg.enterpriseId);
        expect(res.headers['x-projection-position']).toEqual(expect.any(String));
      }
      await expectRejected(
        t,
        () => t.http.get(path).set('Authorization', callers[0]!.replace(/.$/, '')),
        401,
        'UNAUTHENTICATED',
      );
      await expectRejected(t, () => t.http.get(path), 401, 'UNAUTHENTICATED');
      await expectRejected(t, () => t.http.get(path).set('Authorization', 'Bearer x'), 401, 'UNAUTHENTICATED');
      const stranger = await bearer(t, 'eve@example.com');
      await expectRejected(t, () => t.http.get(path).set('Authorization', stranger), 403, 'FORBIDDEN');
      await expectRejected(
        t,
        () => t.http.get(enterprisePath(randomUUID())).set('Authorization', callers[0]!),
        404,
        'NOT_FOUND',
      );
      await expectRejected(
        t,
        () => t.http.get(enterprisePath(randomUUID())).set('Authorization', callers[3]!),
        404,
        'NOT_FOUND',
      );
      const bad = await expectRejected(
        t,
        () => t.http.get(enterprisePath('not-a-uuid')).set('Authorization', callers[0]!),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['enterpriseId']);
    });

    it('an employee of another enterprise is a stranger here', async () => {
      const other = await registerEnterprise(t, 'olga@example.com');
      const olga = await bearer(t, 'olga@example.com');
      await expectRejected(
        t,
        () => t.http.get(enterprisePath(reg.enterpriseId)).set('Authorization', olga),
        403,
        'FORBIDDEN',
      );
      await t.http.get(enterprisePath(other.enterpriseId)).set('Authorization', olga).expect(200);
    });
  });

  describe('POST /v1/enterprises/{enterpriseId}/locations', () => {
    let reg: Registered;
    beforeAll(async () => {
      reg = await registerEnterprise(t, 'paula@example.com');
      await hire(t, reg.enterpriseId, reg.locationId, reg.companyToken, 'uma@example.com', 'paula@example.com');
    });
    const path = () => `${enterprisePath(reg.enterpriseId)}/locations`;
    const body = (by: string, name: string, country = 'US', tier: 1 | 2 = 2) => ({
      ...locationInput(name, country, tier),
      employee: employeeInput(by),
    });

    it('in the same country: 201, the same country enterprise, and the caller becomes the PRC', async () => {
      const res = await t.http
        .post(path())
        .set('Authorization', await bearer(t, 'paula@example.com'))
        .send(body('paula@example.com', 'Acme Dallas'))
        .expect(201);
      expect(res.body).toEqual({
        locationId: expect.stringMatching(UUID),
        countryEnterpriseId: reg.countryEnterpriseId,
        companyToken: expect.stringMatching(COMPANY_TOKEN),
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      expect(res.body.companyToken).not.toBe(reg.companyToken);
      const hierarchy = await hierarchyOf(t, reg.enterpriseId, 'paula@example.com', res.body.position);
      expect(hierarchy.countryEnterprises).toHaveLength(1);
      expect(hierarchy.countryEnterprises[0]!.headquartersLocationId).toBe(reg.locationId);
      expect(hierarchy.countryEnterprises[0]!.locations.map((l) => l.locationId)).toEqual([
        reg.locationId,
        res.body.locationId,
      ]);
      expect(locationIn(hierarchy, res.body.locationId)).toMatchObject({
        name: 'Acme Dallas',
        region: 'north_america',
        partnerTier: 2,
        prcUserId: 'paula@example.com',
        warnings: [],
      });
      expect((await eventsOf(t, res.body.confirmationNumber)).map((e) => e.type)).toEqual([
        'LocationCreated',
        'EmployeeJoined',
      ]);
    });

    it('any employee (not only the PRC) may add one and becomes its PRC', async () => {
      const res = await t.http
        .post(path())
        .set('Authorization', await bearer(t, 'uma@example.com'))
        .send(body('uma@example.com', 'Acme Boston', 'US', 1))
        .expect(201);
      expect(res.body.countryEnterpriseId).toBe(reg.countryEnterpriseId);
      const employees = await employeesOf(
        t,
        reg.enterpriseId,
        res.body.locationId,
        'uma@example.com',
        res.body.position,
      );
      expect(employees.items).toEqual([expect.objectContaining({ userId: 'uma@example.com', accessRole: 'prc' })]);
      expect(locationIn(await hierarchyOf(t, reg.enterpriseId, 'uma@example.com'), res.body.locationId)).toMatchObject({
        partnerTier: 1,
        prcUserId: 'uma@example.com',
        warnings: [],
      });
    });

    it('in a new country: a new country enterprise with this location as its HQ', async () => {
      const res = await t.http
        .post(path())
        .set('Authorization', await bearer(t, 'uma@example.com'))
        .send(body('uma@example.com', 'Acme Tokyo', 'jp', 1))
        .expect(201);
      expect(res.body.countryEnterpriseId).toEqual(expect.stringMatching(UUID));
      expect(res.body.countryEnterpriseId).not.toBe(reg.countryEnterpriseId);
      const hierarchy = await hierarchyOf(t, reg.enterpriseId, 'paula@example.com', res.body.position);
      expect(hierarchy.worldwideHeadquartersLocationId).toBe(reg.locationId);
      expect(hierarchy.countryEnterprises.map((c) => c.country)).toEqual(['US', 'JP']);
      expect(hierarchy.countryEnterprises[1]).toMatchObject({
        countryEnterpriseId: res.body.countryEnterpriseId,
        country: 'JP',
        name: 'Acme Partners JP',
        headquartersLocationId: res.body.locationId,
        locations: [
          {
            locationId: res.body.locationId,
            name: 'Acme Tokyo',
            region: 'japan',
            partnerTier: 1,
            prcUserId: 'uma@example.com',
            warnings: [],
          },
        ],
      });
      expect((await eventsOf(t, res.body.confirmationNumber)).map((e) => e.type)).toEqual([
        'CountryEnterpriseAdded',
        'LocationCreated',
        'EmployeeJoined',
      ]);

      // a second location in that country joins the same country enterprise (its HQ stays)
      const second = await t.http
        .post(path())
        .set('Authorization', await bearer(t, 'paula@example.com'))
        .send(body('paula@example.com', 'Acme Osaka', 'JP', 2))
        .expect(201);
      expect(second.body.countryEnterpriseId).toBe(res.body.countryEnterpriseId);
      const after = await hierarchyOf(t, reg.enterpriseId, 'paula@example.com', second.body.position);
      expect(after.countryEnterprises[1]!.headquartersLocationId).toBe(res.body.locationId);
      expect(after.countryEnterprises[1]!.locations.map((l) => l.locationId)).toEqual([
        res.body.locationId,
        second.body.locationId,
      ]);
    });

    it('refuses 403 to non-employees (strangers, auditors, operators), 401, 400, 404 — recording nothing', async () => {
      const send =
        (auth: string | undefined, payload: object, enterpriseId = reg.enterpriseId) =>
        () => {
          const req = t.http.post(`${enterprisePath(enterpriseId)}/locations`);
          if (auth) req.set('Authorization', auth);
          return req.send(payload);
        };
      await expectRejected(
        t,
        send(await bearer(t, 'eve@example.com'), body('eve@example.com', 'Eve Corp')),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        send(await bearer(t, 'audrey@example.com', { roles: ['auditor'] }), body('audrey@example.com', 'Audit')),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        send(await bearer(t, 'oscar@example.com', { roles: ['operator'] }), body('oscar@example.com', 'Ops')),
        403,
        'FORBIDDEN',
      );
      await expectRejected(t, send(undefined, body('paula@example.com', 'Nobody')), 401, 'UNAUTHENTICATED');
      const paula = await bearer(t, 'paula@example.com');
      const bad = await expectRejected(
        t,
        send(paula, {
          ...body('paula@example.com', 'Bad'),
          country: 'XX',
          partnerTier: 0,
          employee: { firstName: 'P' },
          region: 'emea',
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['country', 'employee.email', 'employee.lastName', 'partnerTier', 'region']);
      const nullEmployee = await expectRejected(
        t,
        send(paula, { ...locationInput('No employee'), employee: null }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(nullEmployee.body)).toEqual(['employee']);
      await expectRejected(t, send(paula, body('paula@example.com', 'Ghost'), randomUUID()), 404, 'NOT_FOUND');
      const badId = await expectRejected(
        t,
        send(paula, body('paula@example.com', 'Ghost'), 'nope'),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(badId.body)).toEqual(['enterpriseId']);
    });
  });

  describe('PUT /v1/enterprises/{enterpriseId}/locations/{locationId}/profile', () => {
    let reg: Registered;
    let dallas: Awaited<ReturnType<typeof createLocation>>;
    let houston: Awaited<ReturnType<typeof createLocation>>;
    beforeAll(async () => {
      reg = await registerEnterprise(t, 'paula@example.com');
      await hire(t, reg.enterpriseId, reg.locationId, reg.companyToken, 'sam@example.com', 'paula@example.com');
      await hire(t, reg.enterpriseId, reg.locationId, reg.companyToken, 'tom@example.com', 'paula@example.com');
      dallas = await createLocation(t, reg.enterpriseId, 'sam@example.com', 'Acme Dallas');
      houston = await createLocation(t, reg.enterpriseId, 'tom@example.com', 'Acme Houston');
      await hire(t, reg.enterpriseId, houston.locationId, houston.companyToken, 'dina@example.com', 'tom@example.com', {
        role: 'distributor',
      });
      await hire(t, reg.enterpriseId, houston.locationId, houston.companyToken, 'amy@example.com', 'tom@example.com', {
        role: 'apa',
      });
      await hire(t, reg.enterpriseId, houston.locationId, houston.companyToken, 'uli@example.com', 'tom@example.com');
    });
    const path = (locationId: string, enterpriseId = reg.enterpriseId) =>
      `${locationPath(enterpriseId, locationId)}/profile`;

    it('the PRC updates the profile (200 with a confirmation); the hierarchy shows it; the same profile again changes nothing', async () => {
      const profile = {
        ...profileOf('Acme Houston North'),
        address: '2 Partner Way',
        postalCode: '77001',
        city: 'Houston',
      };
      const res = await t.http
        .put(path(houston.locationId))
        .set('Authorization', await bearer(t, 'tom@example.com'))
        .send(profile)
        .expect(200);
      expect(res.body).toEqual({
        confirmationNumber: expect.stringMatching(CONFIRMATION),
        position: expect.any(String),
      });
      const view = locationIn(
        await hierarchyOf(t, reg.enterpriseId, 'uli@example.com', res.body.position),
        houston.locationId,
      );
      expect(view).toMatchObject({
        name: 'Acme Houston North',
        partnerTier: 2,
        region: 'north_america',
        warnings: [],
      });
      // uli (personal_update) is not shown his PRC's user id; tom, the PRC, sees the location whole
      expect(view).not.toHaveProperty('prcUserId');
      expect(
        locationIn(await hierarchyOf(t, reg.enterpriseId, 'tom@example.com', res.body.position), houston.locationId),
      ).toMatchObject({ name: 'Acme Houston North', prcUserId: 'tom@example.com', city: 'Houston' });
      const [event] = await eventsOf(t, res.body.confirmationNumber);
      expect(event!.type).toBe('LocationProfileUpdated');
      expect(event!.data.changes).toEqual(
        expect.arrayContaining([
          { field: 'name', from: 'Acme Houston', to: 'Acme Houston North' },
          { field: 'address', from: '1 Partner Way', to: '2 Partner Way' },
          { field: 'city', from: 'Austin', to: 'Houston' },
          { field: 'postalCode', from: '73301', to: '77001' },
        ]),
      );
      expect(event!.data.changes).toHaveLength(4);

      const before = await allEvents(t);
      const same = await t.http
        .put(path(houston.locationId))
        .set('Authorization', await bearer(t, 'tom@example.com'))
        .send(profile)
        .expect(200);
      expect(same.body).toEqual({ changed: false });
      expect(await allEvents(t)).toEqual(before);
    });

    it('an APA of the location and the PRC at the (country and worldwide) HQ may update it too', async () => {
      const byApa = await t.http
        .put(path(houston.locationId))
        .set('Authorization', await bearer(t, 'amy@example.com'))
        .send({ ...profileOf('Acme Houston'), city: 'Houston' })
        .expect(200);
      expect(byApa.body.confirmationNumber).toEqual(expect.stringMatching(CONFIRMATION));
      const byHq = await t.http
        .put(path(dallas.locationId))
        .set('Authorization', await bearer(t, 'paula@example.com'))
        .send(profileOf('Acme Dallas Downtown'))
        .expect(200);
      const hierarchy = await hierarchyOf(t, reg.enterpriseId, 'paula@example.com', byHq.body.position);
      expect(locationIn(hierarchy, houston.locationId)?.name).toBe('Acme Houston');
      expect(locationIn(hierarchy, dallas.locationId)?.name).toBe('Acme Dallas Downtown');
    });

    it('refuses 403 to the PRC of a sibling (non-HQ) location and to plain employees, recording nothing', async () => {
      const sam = await bearer(t, 'sam@example.com');
      await expectRejected(
        t,
        () => t.http.put(path(houston.locationId)).set('Authorization', sam).send(profileOf('Taken over')),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        () => t.http.put(path(reg.locationId)).set('Authorization', sam).send(profileOf('Taken over')),
        403,
        'FORBIDDEN',
      );
      const tom = await bearer(t, 'tom@example.com');
      await expectRejected(
        t,
        () => t.http.put(path(dallas.locationId)).set('Authorization', tom).send(profileOf('Taken over')),
        403,
        'FORBIDDEN',
      );
      for (const who of ['uli@example.com', 'dina@example.com', 'eve@example.com']) {
        const auth = await bearer(t, who);
        await expectRejected(
          t,
          () => t.http.put(path(houston.locationId)).set('Authorization', auth).send(profileOf('Taken over')),
          403,
          'FORBIDDEN',
        );
      }
      const operator = await bearer(t, 'oscar@example.com', { roles: ['operator'] });
      await expectRejected(
        t,
        () => t.http.put(path(houston.locationId)).set('Authorization', operator).send(profileOf('Taken over')),
        403,
        'FORBIDDEN',
      );
    });

    it('refuses 409 DISTRIBUTOR_ROLE_NOT_ALLOWED when moving to tier 1 while a distributor exists; allowed once the distributor role is gone', async () => {
      const tom = await bearer(t, 'tom@example.com');
      const res = await expectRejected(
        t,
        () =>
          t.http
            .put(path(houston.locationId))
            .set('Authorization', tom)
            .send({ ...profileOf('Acme Houston', 1), city: 'Houston' }),
        409,
        'DISTRIBUTOR_ROLE_NOT_ALLOWED',
      );
      expect(res.body.detail).toEqual(expect.any(String));
      await setRole(t, reg.enterpriseId, houston.locationId, 'dina@example.com', null, 'tom@example.com');
      const ok = await t.http
        .put(path(houston.locationId))
        .set('Authorization', tom)
        .send({ ...profileOf('Acme Houston', 1), city: 'Houston' })
        .expect(200);
      expect(
        locationIn(await hierarchyOf(t, reg.enterpriseId, 'tom@example.com', ok.body.position), houston.locationId)
          ?.partnerTier,
      ).toBe(1);
    });

    it('refuses 404 for an unknown location or enterprise, 400 for bad input (country cannot change), 401 without token', async () => {
      const paula = await bearer(t, 'paula@example.com');
      await expectRejected(
        t,
        () => t.http.put(path(randomUUID())).set('Authorization', paula).send(profileOf('Ghost')),
        404,
        'NOT_FOUND',
      );
      await expectRejected(
        t,
        () => t.http.put(path(dallas.locationId, randomUUID())).set('Authorization', paula).send(profileOf('Ghost')),
        404,
        'NOT_FOUND',
      );
      const withCountry = await expectRejected(
        t,
        () => t.http.put(path(dallas.locationId)).set('Authorization', paula).send(locationInput('Moved', 'DE')),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(withCountry.body)).toEqual(['country']);
      const bad = await expectRejected(
        t,
        () =>
          t.http
            .put(path(dallas.locationId))
            .set('Authorization', paula)
            .send({ ...profileOf(''), partnerTier: 3 }),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(bad.body)).toEqual(['name', 'partnerTier']);
      const badId = await expectRejected(
        t,
        () => t.http.put(path('123')).set('Authorization', paula).send(profileOf('Ghost')),
        400,
        'VALIDATION_FAILED',
      );
      expect(fieldsOf(badId.body)).toEqual(['locationId']);
      await expectRejected(
        t,
        () => t.http.put(path(dallas.locationId)).send(profileOf('Anon')),
        401,
        'UNAUTHENTICATED',
      );
    });
  });
  describe('nested bodies must be objects', () => {
    let reg: Registered;
    beforeAll(async () => {
      reg = await registerEnterprise(t, 'kim@example.com');
    });
    const good = registration('kim@example.com');
    it.each([
      ['without location', { ...good, location: undefined }, 'location'],
      ['without employee', { ...good, employee: undefined }, 'employee'],
      ['with an array as location', { ...good, location: [] }, 'location'],
      ['with an array as employee', { ...good, employee: [] }, 'employee'],
    ])('POST /v1/enterprises %s → 400 VALIDATION_FAILED naming the field', async (_case, body, field) => {
      expect(await invalidFields(t, 'kim@example.com', '/v1/enterprises', body)).toContain(field);
    });
    it('POST /v1/enterprises/{id}/locations without employee → 400 VALIDATION_FAILED', async () => {
      expect(
        await invalidFields(
          t,
          'kim@example.com',
          `${enterprisePath(reg.enterpriseId)}/locations`,
          locationInput('Acme Reno'),
        ),
      ).toEqual(['employee']);
    });
  });
});
