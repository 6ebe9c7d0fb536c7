import { parseCsv } from '#core';
import type { TestApp } from '../support/test-app.js';
import {
  addUser,
  bearer,
  caughtUp,
  expectRejected,
  person,
  registerSite,
  startAppWithSite,
} from '../support/site-fixtures.js';

const u = (name: string) => `${name}@example.com`;

/**
 * Item 1 (edit a member's details) and item 7 (the latest change beside the original grant):
 * PATCH /v1/sites/{s}/users/{u}/details, its audit, history, asOf and the lists that show it.
 */
describe("A member's details: edit, audit, history, asOf, latest change (HTTP)", () => {
  let t: TestApp;
  let pat: string;
  let sam: string;
  let auditor: string;
  const cn: Record<string, string> = {};
  const at: Record<string, string> = {};
  const details =
    (userId: string, who: () => string, body: Record<string, unknown>, siteId = '1001') =>
    () =>
      t.http.patch(`/v1/sites/${siteId}/users/${userId}/details`).set('Authorization', who()).send(body);

  beforeAll(async () => {
    t = await startAppWithSite('1001');
    await registerSite(t, '2002', u('quinn'));
    pat = await bearer(t, u('pat'));
    sam = await bearer(t, u('sam'));
    auditor = await bearer(t, u('audrey'), { roles: ['auditor'] });
    await addUser(t, '1001', person(u('sam'), 'secondary', { manageAccess: 'update' }));
    await addUser(t, '1001', person(u('vic'), 'secondary', { manageAccess: 'view' }));
    cn.addUma = (await addUser(t, '1001', person(u('uma'), 'user', { reporting: 'view' }))).confirmationNumber;
    at.beforeEdit = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
  afterAll(() => t.close());

  it('a manager edits name, e-mail and telephone: 200 with a confirmation; the member reads the new details', async () => {
    const res = await details(u('uma'), () => sam, {
      lastName: 'Umbridge',
      email: 'uma@corp.example',
      telephone: '+49 89 42',
    })().expect(200);
    expect(res.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
    cn.editUma = res.body.confirmationNumber;
    const access = await t.http
      .get(`/v1/sites/1001/users/${u('uma')}/access`)
      .set('Authorization', pat)
      .set('X-Consistent-With', res.body.position)
      .expect(200);
    expect(access.body).toMatchObject({
      userId: u('uma'),
      firstName: 'Uma',
      lastName: 'Umbridge',
      email: 'uma@corp.example',
      telephone: '+49 89 42',
      role: 'user',
      privileges: expect.objectContaining({ reporting: 'view' }),
      // the grant stays the grant; the latest change is the edit
      grantedBy: u('pat'),
      confirmationNumber: cn.addUma,
      lastChangedBy: u('sam'),
      lastConfirmationNumber: cn.editUma,
    });
  });

  it("shows a member's telephone only to the member and to those who may view contacts or manage access", async () => {
    const vic = await bearer(t, u('vic')); // secondary with manageAccess=view only
    const uma = await bearer(t, u('uma'));
    const telephoneSeenBy = async (token: string) => {
      const list = await t.http.get('/v1/sites/1001/users').set('Authorization', token).expect(200);
      const row = (list.body.items as { userId: string; telephone?: string }[]).find((m) => m.userId === u('uma'))!;
      const one = await t.http
        .get(`/v1/sites/1001/users/${u('uma')}/access`)
        .set('Authorization', token)
        .expect(200);
      return [row.telephone, one.body.telephone];
    };
    expect(await telephoneSeenBy(pat)).toEqual(['+49 89 42', '+49 89 42']);
    expect(await telephoneSeenBy(sam)).toEqual(['+49 89 42', '+49 89 42']);
    expect(await telephoneSeenBy(auditor)).toEqual(['+49 89 42', '+49 89 42']);
    expect(await telephoneSeenBy(vic)).toEqual([undefined, undefined]);
    const own = await t.http
      .get(`/v1/sites/1001/users/${u('uma')}/access`)
      .set('Authorization', uma)
      .expect(200);
    expect(own.body.telephone).toBe('+49 89 42');
  });

  it('keeps the telephone out of the history and the audit for those who may not see it', async () => {
    const vic = await bearer(t, u('vic')); // secondary with manageAccess=view only
    const telephoneChange = async (token: string) => {
      const history = await t.http
        .get(`/v1/sites/1001/users/${u('uma')}/history`)
        .set('Authorization', token)
        .expect(200);
      const edit = (history.body.items as { confirmationNumber: string; changes: { field: string }[] }[]).find(
        (i) => i.confirmationNumber === cn.editUma,
      )!;
      return edit.changes.find((c) => c.field === 'telephone');
    };
    expect(await telephoneChange(pat)).toEqual({ field: 'telephone', from: null, to: '+49 89 42' });
    expect(await telephoneChange(vic)).toEqual({ field: 'telephone', from: '(redacted)', to: '(redacted)' });

    const audit = await t.http.get(`/v1/confirmations/${cn.editUma}`).set('Authorization', vic).expect(200);
    expect(audit.body.changes).toContainEqual({ field: 'telephone', from: '(redacted)', to: '(redacted)' });
    expect(audit.body.changes).toContainEqual({ field: 'lastName', from: 'Tester', to: 'Umbridge' });
    expect(JSON.stringify(audit.body)).not.toContain('+49 89 42');
  });

  it('changes nothing (200 {changed:false}) when the fields sent are the stored ones', async () => {
    const res = await details(u('uma'), () => pat, { lastName: 'Umbridge', telephone: '+49 89 42' })().expect(200);
    expect(res.body).toEqual({ changed: false });
  });

  it('audits the edit with before/after, and the member keeps one timeline (history, asOf)', async () => {
    const entry = await t.http.get(`/v1/confirmations/${cn.editUma}`).set('Authorization', auditor).expect(200);
    expect(entry.body).toMatchObject({
      action: 'ChangeMemberDetails',
      actorId: u('sam'),
      targetUserId: u('uma'),
      scope: { siteId: '1001' },
      changes: [
        { field: 'lastName', from: 'Tester', to: 'Umbridge' },
        { field: 'email', from: u('uma'), to: 'uma@corp.example' },
        { field: 'telephone', from: null, to: '+49 89 42' },
      ],
    });
    const history = await t.http
      .get(`/v1/sites/1001/users/${u('uma')}/history`)
      .set('Authorization', pat)
      .expect(200);
    expect(history.body.items.map((i: { action: string }) => i.action)).toEqual(['AddUser', 'ChangeMemberDetails']);
    expect(history.body.items[1]).toMatchObject({ confirmationNumber: cn.editUma, actorId: u('sam') });
    const before = await t.http
      .get(`/v1/sites/1001/users/${u('uma')}/access`)
      .query({ asOf: at.beforeEdit })
      .set('Authorization', auditor)
      .expect(200);
    expect(before.body).toMatchObject({ lastName: 'Tester', email: u('uma'), lastConfirmationNumber: cn.addUma });
    expect(before.body).not.toHaveProperty('telephone');
    const now = await t.http
      .get('/v1/sites/1001/users')
      .query({ asOf: new Date().toISOString(), q: 'umbridge' })
      .set('Authorization', auditor)
      .expect(200);
    const live = await t.http
      .get('/v1/sites/1001/users')
      .query({ q: 'umbridge' })
      .set('Authorization', auditor)
      .expect(200);
    expect(now.body).toEqual(live.body);
    expect(live.body).toMatchObject({ total: 1, items: [{ userId: u('uma'), lastConfirmationNumber: cn.editUma }] });
  });

  it('the users report shows the latest change beside the original grant', async () => {
    const [header, ...rows] = parseCsv(
      (await t.http.get('/v1/sites/1001/users/report.csv').set('Authorization', pat).expect(200)).text,
    );
    const uma = Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === u('uma'))![i]]));
    expect(uma).toMatchObject({
      lastName: 'Umbridge',
      grantedBy: u('pat'),
      confirmationNumber: cn.addUma,
      lastChangedBy: u('sam'),
      lastConfirmationNumber: cn.editUma,
    });
    expect(Date.parse(uma.lastChangedAt!)).toBeGreaterThan(Date.parse(uma.grantedAt!));
  });

  it('details carry no authority: a manager edits their own; the primary and operators edit the primary', async () => {
    await details(u('sam'), () => sam, { telephone: '+49 89 7' })().expect(200);
    await details(u('pat'), () => pat, { firstName: 'Patricia' })().expect(200);
    const op = await bearer(t, u('oscar'), { roles: ['operator'] });
    await details(u('pat'), () => op, { telephone: '+49 89 1' })().expect(200);
    await caughtUp(t);
    const summary = await t.http.get('/v1/sites/1001').set('Authorization', pat).expect(200);
    expect(summary.body.primaryContact).toMatchObject({ userId: u('pat'), firstName: 'Patricia' });
  });

  it('refuses, recording nothing: no manage-access update, the primary by a secondary, auditors, strangers', async () => {
    const vic = await bearer(t, u('vic'));
    const uma = await bearer(t, u('uma'));
    const quinn = await bearer(t, u('quinn'));
    const auditorOperator = await bearer(t, u('ava'), { roles: ['auditor', 'operator'] });
    for (const [who, userId] of [
      [vic, u('uma')], // manageAccess=view only
      [uma, u('uma')], // a plain member editing themself
      [sam, u('pat')], // a secondary editing the primary
      [quinn, u('uma')], // the primary of another site
      [auditor, u('uma')],
      [auditorOperator, u('uma')],
    ] as const) {
      await expectRejected(
        t,
        details(userId, () => who, { firstName: 'X' }),
        403,
        'FORBIDDEN',
      );
    }
  });

  it('refuses bad input, recording nothing: empty, unknown fields, bad e-mail, control characters; 404 and 409', async () => {
    const empty = await expectRejected(
      t,
      details(u('uma'), () => pat, {}),
      400,
      'VALIDATION_FAILED',
    );
    expect(empty.body.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
    const bad = await expectRejected(
      t,
      details(u('uma'), () => pat, { email: 'not-an-address', firstName: 'a\nb', role: 'secondary' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'firstName', 'role']);
    await expectRejected(
      t,
      details(u('nobody'), () => pat, { firstName: 'X' }),
      409,
      'NOT_A_MEMBER',
    );
    await expectRejected(
      t,
      details(u('uma'), () => pat, { firstName: 'X' }, '9999'),
      404,
      'NOT_FOUND',
    );
    await expectRejected(
      t,
      () => t.http.patch(`/v1/sites/1001/users/${u('uma')}/details`).send({ firstName: 'X' }),
      401,
      'UNAUTHENTICATED',
    );
  });
});
