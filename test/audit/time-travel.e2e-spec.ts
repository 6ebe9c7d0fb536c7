import { parseCsv } from '#core';
import { FULL, FULL_USER, NONE } from '#site-access/testing/privilege-fixtures';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';
import { addUser, bearer, caughtUp, expectRejected, nominate, person, registerSite } from '../support/site-fixtures.js';
import { type Registered, registerEnterprise, selfAssociate } from '../support/partner-fixtures.js';

const u = (name: string) => `${name}@example.com`;
let clock: TestClock;

/** An instant strictly between the command just answered and the next one. */
const instant = (): string => clock.between();

interface MemberView {
  userId: string;
  role: string;
  privileges: Record<string, string>;
  grantedBy: string;
  grantedAt: string;
  confirmationNumber: string;
}

const byUserId = (a: { userId: string }, b: { userId: string }) => a.userId.localeCompare(b.userId);

/**
 * One site's scripted history with real time passing between the commands:
 * register (pat primary) → t1 → add uma → t2 → grant nia's self-nomination (edited justification) → t3
 * → uma becomes secondary with manageAccess=view → t4 → uma removed → t5 → nia becomes primary, pat a user → t6.
 * Every asOf answer is replayed from the event stream, so each instant shows exactly the state between two commands.
 */
describe('Time travel: users?asOf, access?asOf, history and report.csv?asOf of a site (HTTP)', () => {
  const SITE = '3001';
  const path = `/v1/sites/${SITE}`;
  let t: TestApp;
  let auditor: string;
  const at: Record<'t0' | 't1' | 't2' | 't3' | 't4' | 't5' | 't6', string> = {
    t0: '',
    t1: '',
    t2: '',
    t3: '',
    t4: '',
    t5: '',
    t6: '',
  };
  const cn = { register: '', addUma: '', grantNia: '', changeUma: '', removeUma: '', transfer: '', readdUma: '' };
  const originalJustification = 'I need the software downloads for the Munich team';
  const editedJustification = 'Nia needs downloads for the Munich team (confirmed by her manager)';

  beforeAll(async () => {
    clock = new TestClock();
    t = await startTestApp({}, { clock });
    auditor = await bearer(t, u('audrey'), { roles: ['auditor'] });
    const pat = await bearer(t, u('pat'));
    // another site's history must never leak into this one's replay
    await registerSite(t, '3999', u('quinn'));
    await addUser(t, '3999', person(u('uma'), 'secondary', { manageAccess: 'update' }), u('quinn'));

    at.t0 = instant();
    cn.register = (await registerSite(t, SITE, u('pat'))).confirmationNumber;
    at.t1 = instant();
    cn.addUma = (await addUser(t, SITE, person(u('uma'), 'user', { softwareAccess: 'downloads' }))).confirmationNumber;
    at.t2 = instant();
    const { requestId } = await nominate(t, SITE, u('nia'), originalJustification);
    const grant = await t.http
      .post(`${path}/access-requests/${requestId}/grant`)
      .set('Authorization', pat)
      .send({
        role: 'user',
        privileges: { softwareAccess: 'downloads_media', reporting: 'view' },
        businessJustification: editedJustification,
      })
      .expect(200);
    cn.grantNia = grant.body.confirmationNumber;
    at.t3 = instant();
    const change = await t.http
      .patch(`${path}/users/${u('uma')}`)
      .set('Authorization', pat)
      .send({ role: 'secondary', privileges: { softwareAccess: 'downloads', manageAccess: 'view' } })
      .expect(200);
    cn.changeUma = change.body.confirmationNumber;
    at.t4 = instant();
    cn.removeUma = (
      await t.http
        .delete(`${path}/users/${u('uma')}`)
        .set('Authorization', pat)
        .expect(200)
    ).body.confirmationNumber;
    at.t5 = instant();
    const transfer = await t.http
      .post(`${path}/primary-contact`)
      .set('Authorization', pat)
      .send({ userId: u('nia'), formerPrimaryRole: 'user' })
      .expect(200);
    cn.transfer = transfer.body.confirmationNumber;
    at.t6 = instant();
    // after the scripted history: uma comes back, an administrator with view rights and a secondary without them
    cn.readdUma = (
      await addUser(t, SITE, person(u('uma'), 'user', { reporting: 'view' }), u('nia'))
    ).confirmationNumber;
    await addUser(t, SITE, person(u('vic'), 'secondary', { manageAccess: 'view' }), u('nia'));
    await addUser(t, SITE, person(u('sam'), 'secondary', { contactUpdates: 'update' }), u('nia'));
    await caughtUp(t);
  });
  afterAll(() => t.close());

  const usersAsOf = async (instantIso: string, auth = auditor) => {
    const res = await t.http.get(`${path}/users`).query({ asOf: instantIso }).set('Authorization', auth).expect(200);
    expect(res.headers['x-projection-position']).toEqual(expect.any(String));
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items as MemberView[];
  };
  const accessAsOf = (userId: string, instantIso: string, auth = auditor) =>
    t.http.get(`${path}/users/${userId}/access`).query({ asOf: instantIso }).set('Authorization', auth);

  const pat = (privileges = FULL, role = 'primary') => ({
    userId: u('pat'),
    role,
    privileges,
    grantedBy: u('op'),
    confirmationNumber: cn.register,
  });
  const uma = (role = 'user', privileges: Record<string, string> = { ...NONE, softwareAccess: 'downloads' }) => ({
    userId: u('uma'),
    role,
    privileges,
    grantedBy: u('pat'),
    confirmationNumber: cn.addUma,
  });
  const nia = (
    role = 'user',
    privileges: Record<string, string> = { ...NONE, softwareAccess: 'downloads_media', reporting: 'view' },
  ) => ({
    userId: u('nia'),
    role,
    privileges,
    grantedBy: u('pat'),
    confirmationNumber: cn.grantNia,
  });
  const view = (members: MemberView[]) =>
    members
      .map(({ userId, role, privileges, grantedBy, confirmationNumber }) => ({
        userId,
        role,
        privileges,
        grantedBy,
        confirmationNumber,
      }))
      .sort(byUserId);

  it('the commands answered distinct confirmation numbers, and the instants are strictly increasing', () => {
    expect(new Set(Object.values(cn)).size).toBe(7);
    const instants = Object.values(at);
    expect([...instants].sort()).toEqual(instants);
    expect(new Set(instants).size).toBe(instants.length);
  });

  it('users?asOf= shows exactly the members at each instant, with who granted them, when and under which confirmation number', async () => {
    expect(await usersAsOf(at.t0)).toEqual([]);
    expect(view(await usersAsOf(at.t1))).toEqual([pat()]);
    expect(view(await usersAsOf(at.t2))).toEqual([pat(), uma()].sort(byUserId));
    expect(view(await usersAsOf(at.t3))).toEqual([pat(), uma(), nia()].sort(byUserId));
    expect(view(await usersAsOf(at.t4))).toEqual(
      [pat(), uma('secondary', { ...NONE, softwareAccess: 'downloads', manageAccess: 'view' }), nia()].sort(byUserId),
    );
    expect(view(await usersAsOf(at.t5))).toEqual([pat(), nia()].sort(byUserId));
    expect(view(await usersAsOf(at.t6))).toEqual([pat(FULL_USER, 'user'), nia('primary', FULL)].sort(byUserId));
  });

  it('grantedAt is the instant of the granting command: after the instant before it, before the instant after it', async () => {
    const t6 = Object.fromEntries((await usersAsOf(at.t6)).map((m) => [m.userId, m]));
    expect(t6[u('pat')]!.grantedAt > at.t0 && t6[u('pat')]!.grantedAt < at.t1).toBe(true);
    expect(t6[u('nia')]!.grantedAt > at.t2 && t6[u('nia')]!.grantedAt < at.t3).toBe(true);
    const t4 = Object.fromEntries((await usersAsOf(at.t4)).map((m) => [m.userId, m]));
    // a later change of role does not move the grant
    expect(t4[u('uma')]!.grantedAt > at.t1 && t4[u('uma')]!.grantedAt < at.t2).toBe(true);
  });

  it('users?asOf= carries the profile fields and honours role, q and paging like the live list', async () => {
    /** The auditor's users list with this query (200). */
    const asAuditor = (query: Record<string, string | number>) =>
      t.http.get(`${path}/users`).query(query).set('Authorization', auditor).expect(200);
    const t4 = await usersAsOf(at.t4);
    expect(t4.find((m) => m.userId === u('uma'))).toEqual({
      siteId: SITE,
      userId: u('uma'),
      firstName: 'Uma',
      lastName: 'Tester',
      email: u('uma'),
      role: 'secondary',
      privileges: { ...NONE, softwareAccess: 'downloads', manageAccess: 'view' },
      grantedBy: u('pat'),
      grantedAt: expect.any(String),
      confirmationNumber: cn.addUma,
      // the latest change at t4: her promotion, besides the original grant
      lastChangedAt: expect.any(String),
      lastChangedBy: u('pat'),
      lastConfirmationNumber: cn.changeUma,
    });
    const secondaries = await asAuditor({ asOf: at.t4, role: 'secondary' });
    expect(secondaries.body).toMatchObject({ total: 1, items: [{ userId: u('uma') }] });
    const q = await asAuditor({ asOf: at.t3, q: 'NIA' });
    expect(q.body).toMatchObject({ total: 1, items: [{ userId: u('nia') }] });
    const paged = await asAuditor({ asOf: at.t4, limit: 1, offset: 1 });
    expect(paged.body).toEqual({ items: [t4[1]], total: 3 });
  });

  it('users?asOf= now equals the live list (the replay agrees with the read model)', async () => {
    const live = await t.http.get(`${path}/users`).set('Authorization', auditor).expect(200);
    const now = await usersAsOf(new Date().toISOString());
    expect(view(now)).toEqual(view(live.body.items));
    expect(now.map((m) => m.grantedAt).sort()).toEqual(live.body.items.map((m: MemberView) => m.grantedAt).sort());
    const latest = (members: Record<string, unknown>[]) =>
      members.map(({ userId, lastChangedAt, lastChangedBy, lastConfirmationNumber }) => ({
        userId,
        lastChangedAt,
        lastChangedBy,
        lastConfirmationNumber,
      }));
    expect(latest(now as unknown as Record<string, unknown>[])).toEqual(latest(live.body.items));
    // nia's latest change is the transfer that made her primary, not her grant
    expect(latest(live.body.items).find((m) => m.userId === u('nia'))).toMatchObject({
      lastChangedBy: u('pat'),
      lastConfirmationNumber: cn.transfer,
    });
  });

  it('users/{u}/access?asOf= for uma: 404 before she was added, user at t2, secondary at t4, 404 after her removal', async () => {
    for (const instantIso of [at.t0, at.t1, at.t5, at.t6]) {
      const res = await accessAsOf(u('uma'), instantIso).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const t2 = await accessAsOf(u('uma'), at.t2).expect(200);
    expect(t2.body).toMatchObject(uma());
    const t3 = await accessAsOf(u('uma'), at.t3).expect(200);
    expect(t3.body).toMatchObject(uma());
    const t4 = await accessAsOf(u('uma'), at.t4).expect(200);
    expect(t4.body).toMatchObject(uma('secondary', { ...NONE, softwareAccess: 'downloads', manageAccess: 'view' }));
    expect(t4.body.grantedAt > at.t1 && t4.body.grantedAt < at.t2).toBe(true);
    // added again after t6: a new grant with its own confirmation number; the past stays as it was
    const now = await accessAsOf(u('uma'), new Date().toISOString()).expect(200);
    expect(now.body).toMatchObject({
      userId: u('uma'),
      role: 'user',
      privileges: { ...NONE, reporting: 'view' },
      grantedBy: u('nia'),
      confirmationNumber: cn.readdUma,
    });
    expect(now.body.grantedAt > at.t6).toBe(true);
    expect((await accessAsOf(u('uma'), at.t2).expect(200)).body.confirmationNumber).toBe(cn.addUma);
  });

  it('asOf is inclusive: at the very instant of the grant the member is there, a millisecond before not yet', async () => {
    const grantedAt = (await accessAsOf(u('uma'), at.t2).expect(200)).body.grantedAt as string;
    expect((await accessAsOf(u('uma'), grantedAt).expect(200)).body).toMatchObject({
      role: 'user',
      confirmationNumber: cn.addUma,
    });
    const before = new Date(Date.parse(grantedAt) - 1).toISOString();
    expect((await accessAsOf(u('uma'), before).expect(404)).body.code).toBe('NOT_FOUND');
    expect(view(await usersAsOf(grantedAt)).map((m) => m.userId)).toEqual([u('pat'), u('uma')]);
    expect(view(await usersAsOf(before)).map((m) => m.userId)).toEqual([u('pat')]);
    // the same instant written with an offset is the same instant
    const offset = new Date(Date.parse(grantedAt) + 2 * 3600_000).toISOString().replace('Z', '+02:00');
    expect((await accessAsOf(u('uma'), offset).expect(200)).body.confirmationNumber).toBe(cn.addUma);
  });

  it('users/{u}/access?asOf= across the primary transfer: pat primary then user, nia user then primary', async () => {
    expect((await accessAsOf(u('pat'), at.t5).expect(200)).body).toMatchObject(pat());
    expect((await accessAsOf(u('pat'), at.t6).expect(200)).body).toMatchObject(pat(FULL_USER, 'user'));
    expect((await accessAsOf(u('nia'), at.t2).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await accessAsOf(u('nia'), at.t5).expect(200)).body).toMatchObject(nia());
    expect((await accessAsOf(u('nia'), at.t6).expect(200)).body).toMatchObject(nia('primary', FULL));
    // the user id in the path is matched case-insensitively, like everywhere else
    expect((await accessAsOf('NIA@Example.com', at.t6).expect(200)).body).toMatchObject({
      userId: u('nia'),
      role: 'primary',
    });
  });
  // one ChangeUserAccess transaction (RoleChanged + PrivilegesChanged) shows twice under the same confirmation
  // number, each with half its changes. Flip to `it` once the history groups by confirmation number.
  it('users/{u}/history for uma: oldest first, one entry per transaction (AddUser, ChangeUserAccess, RemoveUser) with before/after', async () => {
    const res = await t.http
      .get(`${path}/users/${u('uma')}/history`)
      .set('Authorization', auditor)
      .expect(200);
    const items = res.body.items as {
      occurredAt: string;
      action: string;
      actorId: string;
      confirmationNumber: string;
      changes: object[];
    }[];
    expect(items.map((i) => [i.action, i.confirmationNumber])).toEqual([
      ['AddUser', cn.addUma],
      ['ChangeUserAccess', cn.changeUma],
      ['RemoveUser', cn.removeUma],
      ['AddUser', cn.readdUma],
    ]);
    expect(items.map((i) => i.actorId)).toEqual([u('pat'), u('pat'), u('pat'), u('nia')]);
    expect(items[0]!.changes).toEqual([
      { field: 'role', from: null, to: 'user' },
      { field: 'privileges.softwareAccess', from: 'none', to: 'downloads' },
    ]);
    expect(items[1]!.changes).toEqual([
      { field: 'role', from: 'user', to: 'secondary' },
      { field: 'privileges.manageAccess', from: 'none', to: 'view' },
    ]);
    expect(items[2]!.changes).toEqual([{ field: 'role', from: 'secondary', to: null }]);
    expect(items[0]!.occurredAt > at.t1 && items[0]!.occurredAt < at.t2).toBe(true);
    expect(items[1]!.occurredAt > at.t3 && items[1]!.occurredAt < at.t4).toBe(true);
    expect(items[2]!.occurredAt > at.t4 && items[2]!.occurredAt < at.t5).toBe(true);
  });

  it('users/{u}/history for uma lists each recorded change oldest first, with its command, actor and confirmation number', async () => {
    const res = await t.http
      .get(`${path}/users/${u('uma')}/history`)
      .set('Authorization', auditor)
      .expect(200);
    expect(res.headers['x-projection-position']).toEqual(expect.any(String));
    const items = res.body.items as {
      occurredAt: string;
      action: string;
      actorId: string;
      confirmationNumber: string;
      changes: object[];
    }[];
    expect(items.map((i) => i.occurredAt)).toEqual(items.map((i) => i.occurredAt).sort());
    // whatever the grouping, these transactions and exactly these changes, in this order
    expect([...new Set(items.map((i) => i.confirmationNumber))]).toEqual([
      cn.addUma,
      cn.changeUma,
      cn.removeUma,
      cn.readdUma,
    ]);
    expect(items.flatMap((i) => i.changes)).toEqual([
      { field: 'role', from: null, to: 'user' },
      { field: 'privileges.softwareAccess', from: 'none', to: 'downloads' },
      { field: 'role', from: 'user', to: 'secondary' },
      { field: 'privileges.manageAccess', from: 'none', to: 'view' },
      { field: 'role', from: 'secondary', to: null },
      { field: 'role', from: null, to: 'user' },
      { field: 'privileges.reporting', from: 'none', to: 'view' },
    ]);
    expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(['AddUser', 'ChangeUserAccess', 'RemoveUser']));
    expect(items.at(-1)).toMatchObject({ action: 'AddUser', actorId: u('nia'), confirmationNumber: cn.readdUma });
    // uma's membership of another site (added by quinn) is not part of this site's history
    expect(items.map((i) => i.actorId)).not.toContain(u('quinn'));
  });

  it('users/{u}/history for nia starts with her self-nomination and ends with the primary transfer', async () => {
    const res = await t.http
      .get(`${path}/users/${u('nia')}/history`)
      .set('Authorization', auditor)
      .expect(200);
    const items = res.body.items as {
      action: string;
      actorId: string;
      confirmationNumber: string;
      changes: { field: string; from: unknown; to: unknown }[];
    }[];
    expect(items[0]).toMatchObject({
      action: 'NominateSelf',
      actorId: u('nia'),
      changes: [
        { field: 'request', from: null, to: 'pending' },
        { field: 'requested.role', from: null, to: 'user' },
      ],
    });
    expect(items.filter((i) => i.confirmationNumber === cn.grantNia).flatMap((i) => i.changes)).toEqual(
      expect.arrayContaining([
        { field: 'businessJustification', from: originalJustification, to: editedJustification },
        { field: 'request', from: 'pending', to: 'granted' },
        { field: 'role', from: null, to: 'user' },
      ]),
    );
    expect(items.at(-1)).toMatchObject({
      action: 'TransferPrimaryContact',
      actorId: u('pat'),
      confirmationNumber: cn.transfer,
    });
    expect(items.at(-1)!.changes).toEqual(
      expect.arrayContaining([
        { field: `role(${u('nia')})`, from: 'user', to: 'primary' },
        { field: `role(${u('pat')})`, from: 'primary', to: 'user' },
      ]),
    );
  });

  it('users/report.csv?asOf= parsed back equals the asOf list at the same instant', async () => {
    for (const instantIso of [at.t3, at.t6]) {
      const res = await t.http
        .get(`${path}/users/report.csv`)
        .query({ asOf: instantIso })
        .set('Authorization', auditor)
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['x-projection-position']).toEqual(expect.any(String));
      const [header, ...rows] = parseCsv(res.text);
      const keys = Object.keys(NONE);
      expect(header).toEqual([
        'userId',
        'firstName',
        'lastName',
        'email',
        'role',
        ...keys,
        'grantedBy',
        'grantedAt',
        'confirmationNumber',
        'lastChangedAt',
        'lastChangedBy',
        'lastConfirmationNumber',
      ]);
      const list = (await usersAsOf(instantIso)) as (MemberView & {
        firstName: string;
        lastName: string;
        email: string;
        lastChangedAt: string;
        lastChangedBy: string;
        lastConfirmationNumber: string;
      })[];
      expect(rows).toEqual(
        list.map((m) => [
          m.userId,
          m.firstName,
          m.lastName,
          m.email,
          m.role,
          ...keys.map((k) => m.privileges[k]),
          m.grantedBy,
          m.grantedAt,
          m.confirmationNumber,
          m.lastChangedAt,
          m.lastChangedBy,
          m.lastConfirmationNumber,
        ]),
      );
    }
    const t3 = parseCsv(
      (await t.http.get(`${path}/users/report.csv`).query({ asOf: at.t3 }).set('Authorization', auditor).expect(200))
        .text,
    );
    expect(t3).toHaveLength(4); // header + pat, uma, nia
    const t0 = parseCsv(
      (await t.http.get(`${path}/users/report.csv`).query({ asOf: at.t0 }).set('Authorization', auditor).expect(200))
        .text,
    );
    expect(t0).toHaveLength(1); // header only: the site did not exist yet
  });

  describe('who may travel in time', () => {
    const routes = () => [
      `${path}/users?asOf=${encodeURIComponent(at.t3)}`,
      `${path}/users/report.csv?asOf=${encodeURIComponent(at.t3)}`,
      `${path}/users/${u('uma')}/access?asOf=${encodeURIComponent(at.t3)}`,
      `${path}/users/${u('uma')}/history`,
    ];

    it('an auditor and an operator may read every asOf answer and every history', async () => {
      const operator = await bearer(t, u('oscar'), { roles: ['operator'] });
      for (const auth of [auditor, operator])
        for (const route of routes()) await t.http.get(route).set('Authorization', auth).expect(200);
    });

    it('the current primary (nia) and a secondary with manageAccess=view (vic) may read them all', async () => {
      for (const who of [u('nia'), u('vic')]) {
        const auth = await bearer(t, who);
        for (const route of routes()) await t.http.get(route).set('Authorization', auth).expect(200);
      }
    });

    it('a non-administrator who is not the person gets 403: a stranger, a plain member (pat, now a user), a secondary without manageAccess, an administrator of another site', async () => {
      for (const who of [u('xavier'), u('pat'), u('sam'), u('quinn')]) {
        const auth = await bearer(t, who);
        for (const route of routes())
          await expectRejected(t, () => t.http.get(route).set('Authorization', auth), 403, 'FORBIDDEN');
        await expectRejected(
          t,
          () => t.http.get(`${path}/users/${u('nia')}/history`).set('Authorization', auth),
          403,
          'FORBIDDEN',
        );
      }
    });

    it('the person themself may read their own access (at any instant) and their own history, but not the list', async () => {
      const uma = await bearer(t, u('uma'));
      expect((await accessAsOf(u('uma'), at.t4, uma).expect(200)).body).toMatchObject({
        userId: u('uma'),
        role: 'secondary',
      });
      expect((await accessAsOf(u('uma'), at.t5, uma).expect(404)).body.code).toBe('NOT_FOUND');
      const history = await t.http
        .get(`${path}/users/${u('uma')}/history`)
        .set('Authorization', uma)
        .expect(200);
      expect(history.body.items.length).toBeGreaterThanOrEqual(3);
      await expectRejected(
        t,
        () =>
          t.http
            .get(`${path}/users/${u('nia')}/access`)
            .query({ asOf: at.t4 })
            .set('Authorization', uma),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        () => t.http.get(`${path}/users/${u('nia')}/history`).set('Authorization', uma),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        () => t.http.get(`${path}/users`).query({ asOf: at.t4 }).set('Authorization', uma),
        403,
        'FORBIDDEN',
      );
      const pat = await bearer(t, u('pat'));
      expect((await accessAsOf(u('pat'), at.t1, pat).expect(200)).body).toMatchObject({ role: 'primary' });
    });

    it('401 without a token or with a bad one', async () => {
      for (const route of routes()) {
        await expectRejected(t, () => t.http.get(route), 401, 'UNAUTHENTICATED');
        await expectRejected(
          t,
          () => t.http.get(route).set('Authorization', 'Bearer not-a-jwt'),
          401,
          'UNAUTHENTICATED',
        );
      }
    });

    it('400 VALIDATION_FAILED for asOf=yesterday (not ISO-8601), naming the field', async () => {
      for (const route of [`${path}/users`, `${path}/users/report.csv`, `${path}/users/${u('uma')}/access`]) {
        const res = await expectRejected(
          t,
          () => t.http.get(route).query({ asOf: 'yesterday' }).set('Authorization', auditor),
          400,
          'VALIDATION_FAILED',
        );
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
      }
    });
    // `new Date(asOf)`, which is Invalid Date for ISO week dates, the basic format and hour-only times;
    // `toISOString()` then throws and the answer is 500 INTERNAL_ERROR instead of 400 VALIDATION_FAILED.
    it('400 VALIDATION_FAILED (not 500) for ISO-8601 spellings the server cannot turn into an instant: 2024-W01, 20240101, 2024-01-01T10Z', async () => {
      for (const asOf of ['2024-W01', '20240101', '2024-01-01T10Z']) {
        for (const route of [`${path}/users`, `${path}/users/report.csv`, `${path}/users/${u('uma')}/access`]) {
          const res = await t.http.get(route).query({ asOf }).set('Authorization', auditor);
          expect({ asOf, route, status: res.status, code: res.body.code }).toEqual({
            asOf,
            route,
            status: 400,
            code: 'VALIDATION_FAILED',
          });
        }
      }
    });

    it('404 for asOf on an unknown site', async () => {
      await expectRejected(
        t,
        () => t.http.get('/v1/sites/3456/users').query({ asOf: at.t3 }).set('Authorization', auditor),
        404,
        'NOT_FOUND',
      );
      await expectRejected(
        t,
        () => t.http.get(`/v1/sites/3456/users/${u('uma')}/history`).set('Authorization', auditor),
        404,
        'NOT_FOUND',
      );
    });
  });
});

/**
 * A PRC change on one location with real time passing: paula registers (PRC) → e1 → auto-accept on,
 * andy joins → e2 → andy made APA → e3 → paula leaves → e4 → bea joins → e5 → andy assigns bea PRC → e6.
 */
describe('Time travel: location employees?asOf across a PRC change (HTTP)', () => {
  let t: TestApp;
  let reg: Registered;
  let auditor: string;
  const at: Record<'e0' | 'e1' | 'e2' | 'e3' | 'e4' | 'e5' | 'e6', string> = {
    e0: '',
    e1: '',
    e2: '',
    e3: '',
    e4: '',
    e5: '',
    e6: '',
  };
  const employeesPath = () => `/v1/enterprises/${reg.enterpriseId}/locations/${reg.locationId}/employees`;
  const locationPath = () => `/v1/enterprises/${reg.enterpriseId}/locations/${reg.locationId}`;

  beforeAll(async () => {
    clock = new TestClock();
    t = await startTestApp({}, { clock });
    auditor = await bearer(t, u('audrey'), { roles: ['auditor'] });
    at.e0 = instant();
    reg = await registerEnterprise(t, u('paula'));
    at.e1 = instant();
    const paula = await bearer(t, u('paula'));
    await t.http
      .put(`${locationPath()}/settings`)
      .set('Authorization', paula)
      .send({ autoAcceptSelfAssociation: true })
      .expect(200);
    expect((await selfAssociate(t, reg.enterpriseId, reg.locationId, reg.companyToken, u('andy'))).status).toBe(
      'accepted',
    );
    at.e2 = instant();
    await t.http
      .put(`${locationPath()}/employees/${u('andy')}/access-role`)
      .set('Authorization', paula)
      .send({ accessRole: 'apa' })
      .expect(200);
    at.e3 = instant();
    await t.http
      .delete(`${locationPath()}/employees/${u('paula')}`)
      .set('Authorization', paula)
      .expect(200);
    at.e4 = instant();
    expect((await selfAssociate(t, reg.enterpriseId, reg.locationId, reg.companyToken, u('bea'))).status).toBe(
      'accepted',
    );
    at.e5 = instant();
    await t.http
      .put(`${locationPath()}/primary-relationship-contact`)
      .set('Authorization', await bearer(t, u('andy')))
      .send({ userId: u('bea') })
      .expect(200);
    at.e6 = instant();
    expect((await selfAssociate(t, reg.enterpriseId, reg.locationId, reg.companyToken, u('carl'))).status).toBe(
      'accepted',
    );
    await caughtUp(t);
  });
  afterAll(() => t.close());

  const rolesAsOf = async (instantIso: string, auth = auditor) => {
    const res = await t.http.get(employeesPath()).query({ asOf: instantIso }).set('Authorization', auth).expect(200);
    expect(res.headers['x-projection-position']).toEqual(expect.any(String));
    expect(res.body.total).toBe(res.body.items.length);
    return Object.fromEntries(
      (res.body.items as { userId: string; accessRole: string }[]).map((e) => [e.userId, e.accessRole]),
    );
  };

  it('shows who held which access role — and who was PRC — at every instant', async () => {
    expect(await rolesAsOf(at.e0)).toEqual({});
    expect(await rolesAsOf(at.e1)).toEqual({ [u('paula')]: 'prc' });
    expect(await rolesAsOf(at.e2)).toEqual({ [u('paula')]: 'prc', [u('andy')]: 'personal_update' });
    expect(await rolesAsOf(at.e3)).toEqual({ [u('paula')]: 'prc', [u('andy')]: 'apa' });
    expect(await rolesAsOf(at.e4)).toEqual({ [u('andy')]: 'apa' });
    expect(await rolesAsOf(at.e5)).toEqual({ [u('andy')]: 'apa', [u('bea')]: 'personal_update' });
    expect(await rolesAsOf(at.e6)).toEqual({ [u('andy')]: 'apa', [u('bea')]: 'prc' });
  });

  it('the replay at an instant carries the full employee records, and now equals the live list', async () => {
    const res = await t.http.get(employeesPath()).query({ asOf: at.e3 }).set('Authorization', auditor).expect(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        {
          userId: u('andy'),
          employeeRef: expect.stringMatching(/^emp_[0-9a-f]{24}$/),
          firstName: 'Andy',
          lastName: 'Partner',
          email: u('andy'),
          accessRole: 'apa',
          tci: { businessContact: false, secondaryBusinessContact: false },
        },
        {
          userId: u('paula'),
          employeeRef: expect.stringMatching(/^emp_[0-9a-f]{24}$/),
          firstName: 'Paula',
          lastName: 'Partner',
          email: u('paula'),
          accessRole: 'prc',
          tci: { businessContact: false, secondaryBusinessContact: false },
        },
      ]),
    );
    const live = await t.http.get(employeesPath()).set('Authorization', auditor).expect(200);
    const now = await t.http
      .get(employeesPath())
      .query({ asOf: new Date().toISOString() })
      .set('Authorization', auditor)
      .expect(200);
    expect(now.body).toEqual(live.body);
  });

  it('pages the replay with limit and offset', async () => {
    const all = await t.http.get(employeesPath()).query({ asOf: at.e3 }).set('Authorization', auditor).expect(200);
    const second = await t.http
      .get(employeesPath())
      .query({ asOf: at.e3, limit: 1, offset: 1 })
      .set('Authorization', auditor)
      .expect(200);
    expect(second.body).toEqual({ items: [all.body.items[1]], total: 2 });
  });

  it('the PRC and APAs in scope (as they are now) may read the past; a personal_update employee sees only their own record', async () => {
    expect(await rolesAsOf(at.e3, await bearer(t, u('andy')))).toEqual({ [u('paula')]: 'prc', [u('andy')]: 'apa' });
    expect(await rolesAsOf(at.e3, await bearer(t, u('bea')))).toEqual({ [u('paula')]: 'prc', [u('andy')]: 'apa' });
    const carl = await bearer(t, u('carl'));
    expect(await rolesAsOf(at.e6, carl)).toEqual({});
    expect(await rolesAsOf(new Date().toISOString(), carl)).toEqual({ [u('carl')]: 'personal_update' });
  });

  it('403 for a non-employee and for the former PRC who left; 401 without token; 400 for asOf=yesterday', async () => {
    for (const who of [u('xavier'), u('paula')]) {
      const auth = await bearer(t, who);
      await expectRejected(
        t,
        () => t.http.get(employeesPath()).query({ asOf: at.e3 }).set('Authorization', auth),
        403,
        'FORBIDDEN',
      );
    }
    await expectRejected(t, () => t.http.get(employeesPath()).query({ asOf: at.e3 }), 401, 'UNAUTHENTICATED');
    const bad = await expectRejected(
      t,
      () => t.http.get(employeesPath()).query({ asOf: 'yesterday' }).set('Authorization', auditor),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
  });
  it('400 VALIDATION_FAILED (not 500) for asOf=2024-W01', async () => {
    const res = await t.http.get(employeesPath()).query({ asOf: '2024-W01' }).set('Authorization', auditor);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
