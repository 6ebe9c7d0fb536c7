import { type TestApp, startTestApp } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';
import { allEvents, bearer, caughtUp, expectRejected } from '../support/site-fixtures.js';
import { type Registered, registerEnterprise, selfAssociate } from '../support/partner-fixtures.js';
import {
  CONFIRMATION,
  type Caller,
  employeesOf,
  enterprisePath,
  eventsOf,
  hierarchyOf,
  locationIn,
  locationPath,
  setRole,
} from './partner-steps.js';

const u = (name: string) => `${name}@example.com`;
/** The app's clock: `clock.between()` names an instant strictly between two commands, without sleeping. */
const clock = new TestClock();

/**
 * The PRC story at one location: Paula registers the enterprise (PRC); Ana asks to join, is approved
 * and made APA (with a work e-mail); Bob joins as APA too, Carl as a plain employee. Paula leaves:
 * the location has no PRC and the APAs receive the PRC's communications. Ana assigns Bob as PRC.
 */
describe('Partner profile: the PRC story — PRC leaves, APAs stand in, a new PRC is assigned (HTTP, embedded stores)', () => {
  let t: TestApp;
  let reg: Registered;
  let beforePaulaLeft: string;
  let beforeBobWasPrc: string;
  const e = () => reg.enterpriseId;
  const recipientsPath = () => `${locationPath(e(), reg.locationId)}/prc-communications-recipients`;
  const recipients = async (as: string, options: Parameters<TestApp['token']>[1] = {}, position?: string) => {
    const req = t.http.get(recipientsPath()).set('Authorization', await bearer(t, as, options));
    if (position) req.set('X-Consistent-With', position);
    const res = await req.expect(200);
    expect(res.headers['x-projection-position']).toEqual(expect.any(String));
    return res.body as { recipients: { userId: string; email: string; reason: string }[] };
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t.close());

  it('1. Paula registers the enterprise and is the PRC; she alone receives the PRC communications', async () => {
    reg = await registerEnterprise(t, u('paula'));
    const view = locationIn(await hierarchyOf(t, e(), u('paula'), reg.position), reg.locationId);
    expect(view).toMatchObject({ prcUserId: u('paula'), warnings: [] });
    expect(await recipients(u('paula'))).toEqual({
      recipients: [{ userId: u('paula'), email: u('paula'), reason: 'prc' }],
    });
  });

  it('2. Ana asks to join, Paula approves, makes her APA; Ana gives herself a work e-mail', async () => {
    const asked = await selfAssociate(t, e(), reg.locationId, reg.companyToken, u('ana'));
    expect(asked.status).toBe('pending');
    const paula = await bearer(t, u('paula'));
    await t.http
      .post(`${enterprisePath(e())}/self-associations/${asked.associationId}/approve`)
      .set('Authorization', paula)
      .expect(200);
    const role = await setRole(t, e(), reg.locationId, u('ana'), 'apa', u('paula'));
    expect(role.confirmationNumber).toMatch(CONFIRMATION);
    const mail = await t.http
      .put(`${locationPath(e(), reg.locationId)}/employees/${u('ana')}/profile`)
      .set('Authorization', await bearer(t, u('ana')))
      .send({ firstName: 'Ana', lastName: 'Apa', email: 'ana.apa@acme.example', telephone: '+1 512 555 0142' })
      .expect(200);
    const ana = (await employeesOf(t, e(), reg.locationId, u('paula'), mail.body.position)).items.find(
      (i) => i.userId === u('ana'),
    );
    expect(ana).toMatchObject({ accessRole: 'apa', email: 'ana.apa@acme.example' });
  });

  it('3. Bob joins as a second APA and Carl as a plain employee (auto-accept switched on by the APA)', async () => {
    await t.http
      .put(`${locationPath(e(), reg.locationId)}/settings`)
      .set('Authorization', await bearer(t, u('ana')))
      .send({ autoAcceptSelfAssociation: true })
      .expect(200);
    await caughtUp(t);
    for (const name of ['bob', 'carl'])
      expect((await selfAssociate(t, e(), reg.locationId, reg.companyToken, u(name))).status).toBe('accepted');
    await setRole(t, e(), reg.locationId, u('bob'), 'apa', u('ana'));
    const roles = Object.fromEntries(
      (await employeesOf(t, e(), reg.locationId, u('ana'))).items.map((i) => [i.userId, i.accessRole]),
    );
    expect(roles).toEqual({
      [u('paula')]: 'prc',
      [u('ana')]: 'apa',
      [u('bob')]: 'apa',
      [u('carl')]: 'personal_update',
    });
    // with a PRC in place, only the PRC receives the communications
    expect(await recipients(u('bob'))).toEqual({
      recipients: [{ userId: u('paula'), email: u('paula'), reason: 'prc' }],
    });
  });

  it('4. who may read the recipients: PRC/APA and operators; 403 for a plain employee, an auditor, a stranger; 401 without token', async () => {
    expect(await recipients(u('ana'))).toEqual({
      recipients: [{ userId: u('paula'), email: u('paula'), reason: 'prc' }],
    });
    expect(await recipients(u('oscar'), { roles: ['operator'] })).toEqual({
      recipients: [{ userId: u('paula'), email: u('paula'), reason: 'prc' }],
    });
    for (const [who, options] of [
      [u('carl'), {}],
      [u('audrey'), { roles: ['auditor'] }],
      [u('eve'), {}],
    ] as Caller[]) {
      const auth = await bearer(t, who, options);
      await expectRejected(t, () => t.http.get(recipientsPath()).set('Authorization', auth), 403, 'FORBIDDEN');
    }
    await expectRejected(t, () => t.http.get(recipientsPath()), 401, 'UNAUTHENTICATED');
    await expectRejected(
      t,
      () => t.http.get(recipientsPath()).set('Authorization', 'Bearer nope'),
      401,
      'UNAUTHENTICATED',
    );
    const ana = await bearer(t, u('ana'));
    await expectRejected(
      t,
      () =>
        t.http
          .get(`${locationPath(e(), '0d8f4c52-7a3e-4c39-9a52-1c1f3f0e6a11')}/prc-communications-recipients`)
          .set('Authorization', ana),
      404,
      'NOT_FOUND',
    );
  });

  it('5. Paula leaves: the location shows no PRC and the PRC_MISSING warning', async () => {
    beforePaulaLeft = clock.between();
    const res = await t.http
      .delete(`${locationPath(e(), reg.locationId)}/employees/${u('paula')}`)
      .set('Authorization', await bearer(t, u('paula')))
      .expect(200);
    expect(res.body).toEqual({ confirmationNumber: expect.stringMatching(CONFIRMATION), position: expect.any(String) });
    expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
      {
        type: 'EmployeeLeft',
        data: expect.objectContaining({
          locationId: reg.locationId,
          userId: u('paula'),
          accessRole: 'prc',
          removedBy: u('paula'),
        }),
      },
    ]);
    const hierarchy = await hierarchyOf(t, e(), u('carl'), res.body.position);
    expect(hierarchy.worldwideHeadquartersLocationId).toBe(reg.locationId);
    // carl (personal_update) sees the warning; the PRC field itself only those who manage the location
    expect(locationIn(hierarchy, reg.locationId)).toMatchObject({ warnings: ['PRC_MISSING'] });
    expect(locationIn(hierarchy, reg.locationId)).not.toHaveProperty('prcUserId');
    expect(locationIn(await hierarchyOf(t, e(), u('ana'), res.body.position), reg.locationId)).toMatchObject({
      prcUserId: null,
      warnings: ['PRC_MISSING'],
    });
    const roles = Object.fromEntries(
      (await employeesOf(t, e(), reg.locationId, u('ana'))).items.map((i) => [i.userId, i.accessRole]),
    );
    expect(roles).toEqual({ [u('ana')]: 'apa', [u('bob')]: 'apa', [u('carl')]: 'personal_update' });
    // Paula is no longer an employee: she cannot see the enterprise nor act on it
    const paula = await bearer(t, u('paula'));
    await expectRejected(t, () => t.http.get(enterprisePath(e())).set('Authorization', paula), 403, 'FORBIDDEN');
    await expectRejected(
      t,
      () =>
        t.http
          .put(`${locationPath(e(), reg.locationId)}/employees/${u('carl')}/access-role`)
          .set('Authorization', paula)
          .send({ accessRole: 'view_only' }),
      403,
      'FORBIDDEN',
    );
    await expectRejected(
      t,
      () => t.http.delete(`${locationPath(e(), reg.locationId)}/employees/${u('paula')}`).set('Authorization', paula),
      409,
      'NOT_AN_EMPLOYEE',
    );
  });

  it('6. while the PRC is missing, every APA with an e-mail receives the PRC communications (apa_fallback)', async () => {
    expect(await recipients(u('ana'))).toEqual({
      recipients: [
        { userId: u('ana'), email: 'ana.apa@acme.example', reason: 'apa_fallback' },
        { userId: u('bob'), email: u('bob'), reason: 'apa_fallback' },
      ],
    });
    expect(await recipients(u('oscar'), { roles: ['operator'] })).toEqual(await recipients(u('bob')));
    const carl = await bearer(t, u('carl'));
    await expectRejected(t, () => t.http.get(recipientsPath()).set('Authorization', carl), 403, 'FORBIDDEN');
    // the APAs still administer the location
    await expectRejected(
      t,
      () =>
        t.http
          .put(`${locationPath(e(), reg.locationId)}/employees/${u('carl')}/access-role`)
          .set('Authorization', carl)
          .send({ accessRole: 'apa' }),
      403,
      'FORBIDDEN',
    );
    const role = await t.http
      .put(`${locationPath(e(), reg.locationId)}/employees/${u('carl')}/access-role`)
      .set('Authorization', await bearer(t, u('bob')))
      .send({ accessRole: 'view_only' })
      .expect(200);
    // a view_only employee is no recipient
    expect((await recipients(u('bob'), {}, role.body.position)).recipients.map((r) => r.userId)).toEqual([
      u('ana'),
      u('bob'),
    ]);
  });

  it('7. an APA assigns Bob as the new PRC: the warning clears and Bob alone receives the communications (prc)', async () => {
    beforeBobWasPrc = clock.between();
    const res = await t.http
      .put(`${locationPath(e(), reg.locationId)}/primary-relationship-contact`)
      .set('Authorization', await bearer(t, u('ana')))
      .send({ userId: u('bob') })
      .expect(200);
    expect(res.body).toEqual({ confirmationNumber: expect.stringMatching(CONFIRMATION), position: expect.any(String) });
    expect(await eventsOf(t, res.body.confirmationNumber)).toEqual([
      {
        type: 'PrimaryRelationshipContactAssigned',
        data: expect.objectContaining({
          userId: u('bob'),
          previousRole: 'apa',
          formerPrcUserId: null,
          assignedBy: u('ana'),
        }),
      },
    ]);
    const hierarchy = await hierarchyOf(t, e(), u('ana'), res.body.position);
    expect(locationIn(hierarchy, reg.locationId)).toMatchObject({ prcUserId: u('bob'), warnings: [] });
    const asCarl = locationIn(await hierarchyOf(t, e(), u('carl'), res.body.position), reg.locationId);
    expect(asCarl).toMatchObject({ warnings: [] });
    expect(asCarl).not.toHaveProperty('prcUserId');
    expect(await recipients(u('bob'))).toEqual({ recipients: [{ userId: u('bob'), email: u('bob'), reason: 'prc' }] });
    expect(await recipients(u('oscar'), { roles: ['operator'] })).toEqual({
      recipients: [{ userId: u('bob'), email: u('bob'), reason: 'prc' }],
    });
    // nobody was demoted: there was no former PRC; Ana stays APA
    const roles = Object.fromEntries(
      (await employeesOf(t, e(), reg.locationId, u('bob'))).items.map((i) => [i.userId, i.accessRole]),
    );
    expect(roles).toEqual({ [u('ana')]: 'apa', [u('bob')]: 'prc', [u('carl')]: 'view_only' });
  });

  it('8. the new PRC has the worldwide-HQ scope again; the recipient follows e-mail changes', async () => {
    const mail = await t.http
      .put(`${locationPath(e(), reg.locationId)}/employees/${u('bob')}/profile`)
      .set('Authorization', await bearer(t, u('bob')))
      .send({ firstName: 'Bob', lastName: 'Boss', email: 'bob.boss@acme.example' })
      .expect(200);
    expect(await recipients(u('ana'), {}, mail.body.position)).toEqual({
      recipients: [{ userId: u('bob'), email: 'bob.boss@acme.example', reason: 'prc' }],
    });
    // Bob, now PRC at the worldwide HQ, manages a location Carl founds in Germany
    const founded = await t.http
      .post(`${enterprisePath(e())}/locations`)
      .set('Authorization', await bearer(t, u('carl')))
      .send({
        name: 'Acme Berlin',
        address: 'Unter den Linden 1',
        city: 'Berlin',
        postalCode: '10117',
        country: 'DE',
        partnerTier: 2,
        employee: { firstName: 'Carl', lastName: 'Partner', email: u('carl') },
      })
      .expect(201);
    await caughtUp(t);
    const berlinRecipients = await t.http
      .get(`${locationPath(e(), founded.body.locationId)}/prc-communications-recipients`)
      .set('Authorization', await bearer(t, u('bob')))
      .expect(200);
    expect(berlinRecipients.body).toEqual({ recipients: [{ userId: u('carl'), email: u('carl'), reason: 'prc' }] });
  });

  it('9. a location whose PRC leaves and that has no APA has no recipient at all', async () => {
    const before = (await allEvents(t)).length;
    const hierarchy = await hierarchyOf(t, e(), u('carl'));
    const berlin = hierarchy.countryEnterprises.find((c) => c.country === 'DE')!.headquartersLocationId;
    const left = await t.http
      .delete(`${locationPath(e(), berlin)}/employees/${u('carl')}`)
      .set('Authorization', await bearer(t, u('bob')))
      .expect(200);
    expect((await allEvents(t)).length).toBe(before + 1);
    expect(locationIn(await hierarchyOf(t, e(), u('bob'), left.body.position), berlin)).toMatchObject({
      prcUserId: null,
      warnings: ['PRC_MISSING'],
    });
    const res = await t.http
      .get(`${locationPath(e(), berlin)}/prc-communications-recipients`)
      .set('Authorization', await bearer(t, u('oscar'), { roles: ['operator'] }))
      .expect(200);
    expect(res.body).toEqual({ recipients: [] });
  });
  it('10. time travel: the employees as of earlier instants, replayed from the events', async () => {
    const as = async (instant: string, who = u('bob')) => {
      const res = await t.http
        .get(`${locationPath(e(), reg.locationId)}/employees?asOf=${encodeURIComponent(instant)}`)
        .set('Authorization', await bearer(t, who))
        .expect(200);
      return Object.fromEntries(
        (res.body.items as { userId: string; accessRole: string }[]).map((i) => [i.userId, i.accessRole]),
      );
    };
    expect(await as(beforePaulaLeft)).toEqual({
      [u('paula')]: 'prc',
      [u('ana')]: 'apa',
      [u('bob')]: 'apa',
      [u('carl')]: 'personal_update',
    });
    expect(await as(beforeBobWasPrc)).toEqual({ [u('ana')]: 'apa', [u('bob')]: 'apa', [u('carl')]: 'view_only' });
    expect(await as(new Date().toISOString())).toEqual({
      [u('ana')]: 'apa',
      [u('bob')]: 'prc',
      [u('carl')]: 'view_only',
    });
    expect(await as('2000-01-01T00:00:00.000Z')).toEqual({});
    // visibility is today's: Carl (view_only) sees only names and roles of the others, even of the past
    const carl = await t.http
      .get(`${locationPath(e(), reg.locationId)}/employees?asOf=${encodeURIComponent(beforePaulaLeft)}`)
      .set('Authorization', await bearer(t, u('carl')))
      .expect(200);
    expect(carl.body.items.find((i: { firstName: string }) => i.firstName === 'Paula')).toEqual({
      employeeRef: expect.stringMatching(/^emp_[0-9a-f]{24}$/),
      firstName: 'Paula',
      lastName: 'Partner',
      accessRole: 'prc',
    });
  });
});
