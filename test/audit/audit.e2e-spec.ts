import type { AuditEntryDto } from '#audit/queries/audit-entry.response.dto';
import { parseCsv } from '#core';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';
import {
  addUser,
  allEvents,
  bearer,
  caughtUp,
  expectRejected,
  nominate,
  person,
  registerSite,
} from '../support/site-fixtures.js';
import { type Registered, createLocation, registerEnterprise, selfAssociate } from '../support/partner-fixtures.js';

const u = (name: string) => `${name}@example.com`;
const CONFIRMATION = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const CSV_HEADER = [
  'confirmationNumber',
  'occurredAt',
  'action',
  'actorId',
  'siteId',
  'enterpriseId',
  'locationId',
  'targetUserId',
  'changes',
  'justification',
  'reason',
];

/** What this file knows about each transaction it made, to compute every filter's expected answer. */
interface Logged {
  cn: string;
  action: string;
  actorId: string;
  siteId?: string;
  enterpriseId?: string;
  locationId?: string;
  targets: string[];
}

/** An entry as GET /v1/audit documents it. */
type AuditEntry = AuditEntryDto;

/**
 * Two sites and one enterprise with a handful of transactions by different people, then the audit
 * answers: one transaction by its confirmation number, the filtered trail, and its CSV export.
 */
describe('Audit and compliance: confirmations, the audit trail and its CSV export (HTTP)', () => {
  let t: TestApp;
  let auditor: string;
  let operator: string;
  let reg: Registered;
  let l2: Awaited<ReturnType<typeof createLocation>>;
  let rotatedToken: string;
  const log: Logged[] = [];
  const cn: Record<string, string> = {};
  const mark: Record<'m1' | 'm2', string> = { m1: '', m2: '' };
  const NIA_ORIGINAL = 'I order media for the Munich team';
  const NIA_EDITED = 'Nia orders media for the Munich team (confirmed by her manager)';
  const OLI = '=oli@example.com'; // a user id a spreadsheet would run as a formula
  const OLI_JUSTIFICATION = '=HYPERLINK("http://evil.example","click for access")';
  const OLI_REASON = '@SUM(1+1) is not a business need';

  // The app's clock: every transaction stamps its own millisecond, and `instant()` names one between two.
  const clock = new TestClock();
  /** Records a transaction of this file. */
  function logged(name: string, entry: Omit<Logged, 'cn'>, confirmationNumber: string) {
    expect(confirmationNumber).toMatch(CONFIRMATION);
    cn[name] = confirmationNumber;
    log.push({ cn: confirmationNumber, ...entry });
  }
  /** An instant strictly between the command just answered and the next one. */
  const instant = (): string => clock.between();

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    auditor = await bearer(t, u('audrey'), { roles: ['auditor'] });
    operator = await bearer(t, u('oscar'), { roles: ['operator'] });
    const pat = await bearer(t, u('pat'));
    const sue = await bearer(t, u('sue'));
    const site = (siteId: string) => ({ siteId });

    logged(
      'registerA',
      { action: 'RegisterSite', actorId: u('op'), ...site('4001'), targets: [u('pat')] },
      (await registerSite(t, '4001', u('pat'))).confirmationNumber,
    );
    logged(
      'registerB',
      { action: 'RegisterSite', actorId: u('op'), ...site('4002'), targets: [u('quinn')] },
      (await registerSite(t, '4002', u('quinn'))).confirmationNumber,
    );
    const addUma = await addUser(t, '4001', person(u('uma'), 'user', { softwareAccess: 'downloads' }));
    logged(
      'addUma',
      { action: 'AddUser', actorId: u('pat'), ...site('4001'), targets: [u('uma')] },
      addUma.confirmationNumber,
    );
    logged(
      'addVic',
      { action: 'AddUser', actorId: u('pat'), ...site('4001'), targets: [u('vic')] },
      (await addUser(t, '4001', person(u('vic'), 'secondary', { manageAccess: 'view' }))).confirmationNumber,
    );
    logged(
      'addSue',
      { action: 'AddUser', actorId: u('pat'), ...site('4001'), targets: [u('sue')] },
      (await addUser(t, '4001', person(u('sue'), 'secondary', { manageAccess: 'update' }))).confirmationNumber,
    );
    logged(
      'addUmaB',
      { action: 'AddUser', actorId: u('quinn'), ...site('4002'), targets: [u('uma')] },
      (await addUser(t, '4002', person(u('uma')), u('quinn'))).confirmationNumber,
    );
    mark.m1 = instant();

    const nia = await nominate(t, '4001', u('nia'), NIA_ORIGINAL);
    logged(
      'nominateNia',
      { action: 'NominateSelf', actorId: u('nia'), ...site('4001'), targets: [u('nia')] },
      nia.confirmationNumber,
    );
    const grant = await t.http
      .post(`/v1/sites/4001/access-requests/${nia.requestId}/grant`)
      .set('Authorization', pat)
      .send({ role: 'user', privileges: { softwareAccess: 'downloads_media' }, businessJustification: NIA_EDITED })
      .expect(200);
    logged(
      'grantNia',
      { action: 'GrantAccess', actorId: u('pat'), ...site('4001'), targets: [u('nia')] },
      grant.body.confirmationNumber,
    );
    const oli = await t.http
      .post('/v1/sites/4001/access-requests')
      .set('Authorization', await bearer(t, OLI))
      .send({
        firstName: '=Oli',
        lastName: 'Formula',
        email: 'oli@example.com',
        businessJustification: OLI_JUSTIFICATION,
      })
      .expect(201);
    logged(
      'nominateOli',
      { action: 'NominateSelf', actorId: OLI, ...site('4001'), targets: [OLI] },
      oli.body.confirmationNumber,
    );
    const deny = await t.http
      .post(`/v1/sites/4001/access-requests/${oli.body.requestId}/deny`)
      .set('Authorization', sue)
      .send({ reason: OLI_REASON })
      .expect(200);
    logged(
      'denyOli',
      { action: 'DenyAccess', actorId: u('sue'), ...site('4001'), targets: [OLI] },
      deny.body.confirmationNumber,
    );
    logged(
      'addTed',
      { action: 'AddUser', actorId: u('sue'), ...site('4001'), targets: [u('ted')] },
      (await addUser(t, '4001', person(u('ted')), u('sue'))).confirmationNumber,
    );
    const removeSue = await t.http
      .delete(`/v1/sites/4001/users/${u('sue')}`)
      .set('Authorization', pat)
      .expect(200);
    logged(
      'removeSue',
      { action: 'RemoveUser', actorId: u('pat'), ...site('4001'), targets: [u('sue')] },
      removeSue.body.confirmationNumber,
    );
    mark.m2 = instant();

    reg = await registerEnterprise(t, u('paula'));
    const hq = { enterpriseId: reg.enterpriseId, locationId: reg.locationId };
    logged(
      'registerEnterprise',
      { action: 'RegisterEnterprise', actorId: u('paula'), ...hq, targets: [u('paula')] },
      reg.confirmationNumber,
    );
    const settings = await t.http
      .put(`/v1/enterprises/${reg.enterpriseId}/locations/${reg.locationId}/settings`)
      .set('Authorization', await bearer(t, u('paula')))
      .send({ autoAcceptSelfAssociation: true })
      .expect(200);
    logged(
      'settings',
      { action: 'ChangeSelfAssociationPolicy', actorId: u('paula'), ...hq, targets: [] },
      settings.body.confirmationNumber,
    );
    const lars = await selfAssociate(t, reg.enterpriseId, reg.locationId, reg.companyToken, u('lars'));
    expect(lars.status).toBe('accepted');
    logged(
      'larsJoins',
      { action: 'RequestSelfAssociation', actorId: u('lars'), ...hq, targets: [u('lars')] },
      lars.confirmationNumber,
    );
    l2 = await createLocation(t, reg.enterpriseId, u('lars'), 'Acme Munich', 'DE', 1);
    logged(
      'createL2',
      {
        action: 'CreateLocation',
        actorId: u('lars'),
        enterpriseId: reg.enterpriseId,
        locationId: l2.locationId,
        targets: [u('lars')],
      },
      l2.confirmationNumber,
    );
    const rotate = await t.http
      .post(`/v1/enterprises/${reg.enterpriseId}/locations/${l2.locationId}/company-token`)
      .set('Authorization', await bearer(t, u('lars')))
      .expect(200);
    rotatedToken = rotate.body.companyToken;
    logged(
      'rotateL2',
      {
        action: 'RotateCompanyToken',
        actorId: u('lars'),
        enterpriseId: reg.enterpriseId,
        locationId: l2.locationId,
        targets: [],
      },
      rotate.body.confirmationNumber,
    );

    const change = await t.http
      .patch(`/v1/sites/4002/users/${u('uma')}`)
      .set('Authorization', await bearer(t, u('quinn')))
      .send({ role: 'secondary' })
      .expect(200);
    logged(
      'changeUmaB',
      { action: 'ChangeUserAccess', actorId: u('quinn'), ...site('4002'), targets: [u('uma')] },
      change.body.confirmationNumber,
    );
    await caughtUp(t);
  });
  afterAll(() => t.close());

  const confirmation = (number: string, auth: string) =>
    t.http.get(`/v1/confirmations/${encodeURIComponent(number)}`).set('Authorization', auth);
  const audit = async (query: Record<string, string | number>, auth = auditor) => {
    const res = await t.http.get('/v1/audit').query(query).set('Authorization', auth).expect(200);
    expect(res.headers['x-projection-position']).toEqual(expect.any(String));
    return res.body as { items: AuditEntry[]; total: number };
  };
  /** The expected answer, newest first: this file made its transactions one after another. */
  const expected = (keep: (e: Logged) => boolean) =>
    log
      .filter(keep)
      .map((e) => e.cn)
      .reverse();
  const numbers = (items: AuditEntry[]) => items.map((i) => i.confirmationNumber);
  const csv = async (query: Record<string, string>, auth = auditor) => {
    const res = await t.http.get('/v1/audit.csv').query(query).set('Authorization', auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['x-projection-position']).toEqual(expect.any(String));
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(CSV_HEADER);
    return { rows, text: res.text };
  };

  describe('GET /v1/confirmations/{confirmationNumber}', () => {
    it('answers the transaction: action, actor, time, scope, target, before/after changes and the events it recorded', async () => {
      const res = await confirmation(cn.addUma!, await bearer(t, u('pat'))).expect(200);
      expect(res.headers['x-projection-position']).toEqual(expect.any(String));
      expect(res.body).toMatchObject({
        confirmationNumber: cn.addUma,
        action: 'AddUser',
        actorId: u('pat'),
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        scope: { siteId: '4001' },
        targetUserId: u('uma'),
      });
      expect(res.body.scope).toEqual({ siteId: '4001' });
      expect(res.body.changes).toEqual([
        { field: 'role', from: null, to: 'user' },
        { field: 'privileges.softwareAccess', from: 'none', to: 'downloads' },
      ]);
      expect(res.body.events).toEqual([
        {
          type: 'UserAdded',
          data: {
            siteId: '4001',
            userId: u('uma'),
            firstName: 'Uma',
            lastName: 'Tester',
            email: u('uma'),
            role: 'user',
            privileges: {
              softwareAccess: 'downloads',
              reporting: 'none',
              entitlements: 'none',
              manageAccess: 'none',
              contactUpdates: 'none',
              accountDocuments: 'none',
            },
            addedBy: u('pat'),
          },
        },
      ]);
      expect(res.body.occurredAt < mark.m1).toBe(true);
      // internal bookkeeping stays inside
      expect(res.body).not.toHaveProperty('_id');
      expect(res.body).not.toHaveProperty('eventIds');
    });

    it('finds the number case-insensitively, with or without dashes', async () => {
      const pat = await bearer(t, u('pat'));
      const canonical = (await confirmation(cn.addUma!, pat).expect(200)).body;
      for (const spelling of [
        cn.addUma!.toLowerCase(),
        cn.addUma!.replace(/-/g, ''),
        cn.addUma!.replace(/-/g, '').toLowerCase(),
        ` ${cn.addUma!.toLowerCase()} `,
      ]) {
        expect((await confirmation(spelling, pat).expect(200)).body).toEqual(canonical);
      }
    });

    it('a grant with an edited justification shows the justification as decided, both events and the edit before/after', async () => {
      const res = await confirmation(cn.grantNia!, auditor).expect(200);
      expect(res.body).toMatchObject({
        action: 'GrantAccess',
        actorId: u('pat'),
        scope: { siteId: '4001' },
        targetUserId: u('nia'),
        justification: NIA_EDITED,
      });
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual([
        'NominationJustificationEdited',
        'AccessGranted',
      ]);
      expect(res.body.events[0].data).toMatchObject({ from: NIA_ORIGINAL, to: NIA_EDITED, editedBy: u('pat') });
      expect(res.body.events[1].data).toMatchObject({
        userId: u('nia'),
        role: 'user',
        grantedBy: u('pat'),
        businessJustification: NIA_EDITED,
      });
      expect(res.body.changes).toEqual(
        expect.arrayContaining([
          { field: 'businessJustification', from: NIA_ORIGINAL, to: NIA_EDITED },
          { field: 'request', from: 'pending', to: 'granted' },
          { field: 'role', from: null, to: 'user' },
          { field: 'privileges.softwareAccess', from: 'none', to: 'downloads_media' },
        ]),
      );
      expect(res.body).not.toHaveProperty('reason');
      const nominated = await confirmation(cn.nominateNia!, auditor).expect(200);
      expect(nominated.body).toMatchObject({
        action: 'NominateSelf',
        actorId: u('nia'),
        justification: NIA_ORIGINAL,
        changes: [
          { field: 'request', from: null, to: 'pending' },
          { field: 'requested.role', from: null, to: 'user' },
        ],
      });
    });

    it('the person a site transaction is about reads it with the number from their e-mail: their own data only', async () => {
      // nia, the requester: the grant is not her action, and she administers nothing
      const grant = (await confirmation(cn.grantNia!, await bearer(t, u('nia'))).expect(200)).body;
      expect(grant).toMatchObject({
        confirmationNumber: cn.grantNia,
        action: 'GrantAccess',
        actorId: u('pat'),
        targetUserId: u('nia'),
        targetUserIds: [u('nia')],
        justification: NIA_EDITED,
      });
      expect(grant.changes).toEqual(
        expect.arrayContaining([
          { field: 'request', from: 'pending', to: 'granted' },
          { field: 'requested.role', from: 'user', to: 'user' },
        ]),
      );
      expect(grant.events.map((e: { type: string }) => e.type)).toEqual([
        'NominationJustificationEdited',
        'AccessGranted',
      ]);
      expect(grant.events[1].data).toMatchObject({
        userId: u('nia'),
        email: u('nia'),
        grantedBy: u('pat'),
        role: 'user',
      });
      // uma, added by pat: her own addition, with her own data
      const added = (await confirmation(cn.addUma!, await bearer(t, u('uma'))).expect(200)).body;
      expect(added.events[0].data).toMatchObject({ userId: u('uma'), firstName: 'Uma', addedBy: u('pat') });
    });

    it('a deny shows the reason (and the justification it was decided on)', async () => {
      const res = await confirmation(cn.denyOli!, auditor).expect(200);
      expect(res.body).toMatchObject({
        action: 'DenyAccess',
        actorId: u('sue'),
        targetUserId: OLI,
        reason: OLI_REASON,
        justification: OLI_JUSTIFICATION,
        changes: [{ field: 'request', from: 'pending', to: 'denied' }],
        events: [{ type: 'AccessDenied', data: expect.objectContaining({ reason: OLI_REASON, deniedBy: u('sue') }) }],
      });
    });

    it('404 NOT_FOUND for a well-formed number nobody was given; 400 VALIDATION_FAILED for garbage', async () => {
      await expectRejected(t, () => confirmation('0000-0000-0000', auditor), 404, 'NOT_FOUND');
      for (const garbage of ['garbage', '7KQ2-M9XD-4PT', '7KQ2-M9XD-4PTU', '7KQ2-M9XD-4PTR-7KQ2', '%25%25%25%25']) {
        const res = await expectRejected(t, () => confirmation(garbage, auditor), 400, 'VALIDATION_FAILED');
        expect(res.body.errors).toEqual([{ field: 'confirmationNumber', message: expect.any(String) }]);
      }
    });

    it('403 for someone who is neither the actor, nor an administrator of the scope, nor auditor/operator', async () => {
      const cases: [string, string][] = [
        [u('xavier'), cn.addUma!], // a stranger
        [u('uma'), cn.grantNia!], // a plain user of the site
        [u('ted'), cn.addUma!], // a plain user of the site, about someone else
        [u('quinn'), cn.addUma!], // the primary of another site
        [u('lars'), cn.registerEnterprise!], // PRC of another location, plain employee at this one
        [u('pat'), cn.registerEnterprise!], // a site primary has no say in an enterprise
        [u('paula'), cn.addUma!], // nor an enterprise's PRC in a site
      ];
      for (const [who, number] of cases) {
        const auth = await bearer(t, who);
        await expectRejected(t, () => confirmation(number, auth), 403, 'FORBIDDEN');
      }
      await expectRejected(t, () => confirmation(cn.addUma!, 'Bearer nope'), 401, 'UNAUTHENTICATED');
      await expectRejected(t, () => t.http.get(`/v1/confirmations/${cn.addUma}`), 401, 'UNAUTHENTICATED');
    });

    it('the actor may read their own transactions, even without any administrator role (left, removed, or never had one)', async () => {
      expect((await confirmation(cn.nominateNia!, await bearer(t, u('nia'))).expect(200)).body.action).toBe(
        'NominateSelf',
      );
      expect((await confirmation(cn.nominateOli!, await bearer(t, OLI)).expect(200)).body.actorId).toBe(OLI);
      // sue added ted as a secondary with manageAccess=update, then was removed herself
      const sue = await bearer(t, u('sue'));
      expect((await confirmation(cn.addTed!, sue).expect(200)).body).toMatchObject({
        action: 'AddUser',
        actorId: u('sue'),
        targetUserId: u('ted'),
      });
      await expectRejected(t, () => confirmation(cn.addVic!, sue), 403, 'FORBIDDEN');
      expect((await confirmation(cn.larsJoins!, await bearer(t, u('lars'))).expect(200)).body.action).toBe(
        'RequestSelfAssociation',
      );
      // the sub is compared case-insensitively
      expect((await confirmation(cn.nominateNia!, await bearer(t, 'NIA@Example.com')).expect(200)).body.actorId).toBe(
        u('nia'),
      );
    });

    it('administrators of the scope may read it: site primary, secondary with manageAccess=view, the PRC in scope', async () => {
      for (const who of [u('pat'), u('vic')]) {
        const auth = await bearer(t, who);
        for (const name of ['registerA', 'addUma', 'grantNia', 'denyOli', 'addTed', 'removeSue'])
          await confirmation(cn[name]!, auth).expect(200);
        await expectRejected(t, () => confirmation(cn.changeUmaB!, auth), 403, 'FORBIDDEN');
      }
      const quinn = await bearer(t, u('quinn'));
      await confirmation(cn.changeUmaB!, quinn).expect(200);
      await confirmation(cn.registerB!, quinn).expect(200);
      const paula = await bearer(t, u('paula'));
      for (const name of ['registerEnterprise', 'settings', 'larsJoins', 'createL2', 'rotateL2'])
        await confirmation(cn[name]!, paula).expect(200);
      const lars = await bearer(t, u('lars'));
      for (const name of ['createL2', 'rotateL2']) await confirmation(cn[name]!, lars).expect(200);
      await expectRejected(t, () => confirmation(cn.settings!, lars), 403, 'FORBIDDEN');
    });

    it('an auditor and an operator may read any transaction', async () => {
      for (const auth of [auditor, operator]) {
        for (const entry of log)
          expect((await confirmation(entry.cn, auth).expect(200)).body).toMatchObject({
            confirmationNumber: entry.cn,
            action: entry.action,
            actorId: entry.actorId,
          });
      }
    });
  });

  describe('GET /v1/audit', () => {
    it('an auditor sees every transaction, newest first, each with the same shape as its confirmation', async () => {
      const all = await audit({ limit: 500 });
      expect(all.total).toBe(log.length);
      expect(numbers(all.items)).toEqual(expected(() => true));
      const times = all.items.map((i) => i.occurredAt);
      expect(times).toEqual([...times].sort().reverse());
      const byNumber = (await confirmation(cn.grantNia!, auditor).expect(200)).body;
      expect(all.items.find((i) => i.confirmationNumber === cn.grantNia)).toEqual(byNumber);
      for (const entry of log) {
        const item = all.items.find((i) => i.confirmationNumber === entry.cn)!;
        expect({ action: item.action, actorId: item.actorId, scope: item.scope }).toEqual({
          action: entry.action,
          actorId: entry.actorId,
          scope: {
            ...(entry.siteId ? { siteId: entry.siteId } : {}),
            ...(entry.enterpriseId ? { enterpriseId: entry.enterpriseId, locationId: entry.locationId } : {}),
          },
        });
      }
      expect(await audit({ limit: 500 }, operator)).toEqual(all);
    });

    it('filters by each of actorId, targetUserId, siteId, enterpriseId, locationId, action, from and to alone', async () => {
      const cases: [Record<string, string>, (e: Logged) => boolean][] = [
        [{ actorId: u('pat') }, (e) => e.actorId === u('pat')],
        [{ actorId: 'PAT@Example.COM' }, (e) => e.actorId === u('pat')],
        [{ actorId: OLI }, (e) => e.actorId === OLI],
        [{ targetUserId: u('uma') }, (e) => e.targets.includes(u('uma'))],
        [{ targetUserId: 'Uma@Example.com' }, (e) => e.targets.includes(u('uma'))],
        [{ targetUserId: u('nia') }, (e) => e.targets.includes(u('nia'))],
        [{ siteId: '4001' }, (e) => e.siteId === '4001'],
        [{ siteId: '4002' }, (e) => e.siteId === '4002'],
        [{ enterpriseId: reg.enterpriseId }, (e) => e.enterpriseId === reg.enterpriseId],
        [{ locationId: reg.locationId }, (e) => e.locationId === reg.locationId],
        [{ locationId: l2.locationId }, (e) => e.locationId === l2.locationId],
        [{ action: 'AddUser' }, (e) => e.action === 'AddUser'],
        [{ action: 'DenyAccess' }, (e) => e.action === 'DenyAccess'],
        [{ from: mark.m1 }, (e) => log.indexOf(e) >= 6],
        [{ to: mark.m1 }, (e) => log.indexOf(e) < 6],
        [{ to: mark.m2 }, (e) => log.indexOf(e) < 12],
        [{ siteId: '9999' }, () => false],
        [{ action: 'NoSuchCommand' }, () => false],
      ];
      expect(log.slice(5, 7).map((e) => e.action)).toEqual(['AddUser', 'NominateSelf']); // m1 sits between these
      expect(log.slice(11, 13).map((e) => e.action)).toEqual(['RemoveUser', 'RegisterEnterprise']); // m2 sits between these
      for (const [query, keep] of cases) {
        const res = await audit({ ...query, limit: 500 });
        expect({ query, numbers: numbers(res.items), total: res.total }).toEqual({
          query,
          numbers: expected(keep),
          total: expected(keep).length,
        });
      }
    });

    it('combines filters (all must hold)', async () => {
      const between = (e: Logged) => log.indexOf(e) >= 6 && log.indexOf(e) < 12;
      const cases: [Record<string, string>, (e: Logged) => boolean][] = [
        [{ siteId: '4001', action: 'AddUser' }, (e) => e.siteId === '4001' && e.action === 'AddUser'],
        [{ siteId: '4001', action: 'AddUser', actorId: u('sue') }, (e) => e.cn === cn.addTed],
        [{ targetUserId: u('uma'), siteId: '4002' }, (e) => e.siteId === '4002' && e.targets.includes(u('uma'))],
        [{ targetUserId: u('uma'), siteId: '4002', from: mark.m2 }, (e) => e.cn === cn.changeUmaB],
        [{ from: mark.m1, to: mark.m2 }, between],
        [{ from: mark.m1, to: mark.m2, actorId: u('pat') }, (e) => between(e) && e.actorId === u('pat')],
        [
          { enterpriseId: reg.enterpriseId, locationId: l2.locationId, action: 'RotateCompanyToken' },
          (e) => e.cn === cn.rotateL2,
        ],
        [
          { enterpriseId: reg.enterpriseId, actorId: u('lars') },
          (e) => e.enterpriseId === reg.enterpriseId && e.actorId === u('lars'),
        ],
        [{ siteId: '4001', enterpriseId: reg.enterpriseId }, () => false],
        [{ from: mark.m2, to: mark.m1 }, () => false],
      ];
      for (const [query, keep] of cases) {
        const res = await audit({ ...query, limit: 500 });
        expect({ query, numbers: numbers(res.items) }).toEqual({ query, numbers: expected(keep) });
        expect(res.total).toBe(expected(keep).length);
      }
    });

    it('paginates with limit and offset (default 50); total counts every match', async () => {
      const all = numbers((await audit({ limit: 500 })).items);
      expect(numbers((await audit({})).items)).toEqual(all); // fewer than 50
      for (const [limit, offset] of [
        [3, 0],
        [3, 2],
        [5, 15],
        [1, all.length - 1],
        [10, all.length],
      ] as const) {
        const page = await audit({ limit, offset });
        expect({ limit, offset, numbers: numbers(page.items), total: page.total }).toEqual({
          limit,
          offset,
          numbers: all.slice(offset, offset + limit),
          total: all.length,
        });
      }
      const filtered = await audit({ siteId: '4001', limit: 2, offset: 1 });
      expect(numbers(filtered.items)).toEqual(expected((e) => e.siteId === '4001').slice(1, 3));
      expect(filtered.total).toBe(expected((e) => e.siteId === '4001').length);
    });

    it('400 VALIDATION_FAILED for bad limits, offsets and instants, naming each field', async () => {
      const bad = async (query: Record<string, string>, fields: string[]) => {
        const res = await expectRejected(
          t,
          () => t.http.get('/v1/audit').query(query).set('Authorization', auditor),
          400,
          'VALIDATION_FAILED',
        );
        expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(fields);
      };
      await bad({ limit: '0' }, ['limit']);
      await bad({ limit: '501' }, ['limit']);
      await bad({ offset: '-1' }, ['offset']);
      await bad({ from: 'yesterday', to: 'tomorrow' }, ['from', 'to']);
      await bad({ bogus: 'x' }, ['bogus']);
    });
    // `new Date(from).toISOString()`, which throws for ISO week dates, the basic format and hour-only
    // times: 500 INTERNAL_ERROR instead of 400 VALIDATION_FAILED (audit.json and audit.csv alike).
    it('400 VALIDATION_FAILED (not 500) for from/to spellings the server cannot turn into an instant: 2024-W01, 20240101, 2024-01-01T10Z', async () => {
      for (const value of ['2024-W01', '20240101', '2024-01-01T10Z']) {
        for (const route of ['/v1/audit', '/v1/audit.csv']) {
          for (const field of ['from', 'to']) {
            const res = await t.http
              .get(route)
              .query({ [field]: value })
              .set('Authorization', auditor);
            expect({ route, field, value, status: res.status, code: res.body.code }).toEqual({
              route,
              field,
              value,
              status: 400,
              code: 'VALIDATION_FAILED',
            });
          }
        }
      }
    });

    it('administrators see only their own scopes: a site primary their site, a secondary with manageAccess=view too', async () => {
      for (const who of [u('pat'), u('vic')]) {
        const mine = await audit({ limit: 500 }, await bearer(t, who));
        expect(numbers(mine.items)).toEqual(expected((e) => e.siteId === '4001'));
        expect(mine.total).toBe(expected((e) => e.siteId === '4001').length);
        expect((await audit({ siteId: '4002' }, await bearer(t, who))).total).toBe(0);
        expect(numbers((await audit({ actorId: u('pat'), limit: 500 }, await bearer(t, who))).items)).toEqual(
          expected((e) => e.siteId === '4001' && e.actorId === u('pat')),
        );
      }
      const quinn = await audit({ limit: 500 }, await bearer(t, u('quinn')));
      expect(numbers(quinn.items)).toEqual(expected((e) => e.siteId === '4002'));
      // uma is a target in both sites but administers neither
      expect(
        (await audit({ targetUserId: u('uma'), limit: 500 }, await bearer(t, u('quinn')))).items.every(
          (i) => i.scope.siteId === '4002',
        ),
      ).toBe(true);
    });

    it('a location PRC sees their location only; the worldwide HQ PRC sees every location of the enterprise', async () => {
      const lars = await audit({ limit: 500 }, await bearer(t, u('lars')));
      expect(numbers(lars.items)).toEqual(expected((e) => e.locationId === l2.locationId));
      expect(numbers(lars.items)).toEqual([cn.rotateL2, cn.createL2]);
      const paula = await audit({ limit: 500 }, await bearer(t, u('paula')));
      expect(numbers(paula.items)).toEqual(expected((e) => e.enterpriseId === reg.enterpriseId));
      expect((await audit({ siteId: '4001' }, await bearer(t, u('paula')))).total).toBe(0);
    });

    it('403 for people who administer nothing (a plain user, a removed secondary, a nominee, a stranger); 401 without token', async () => {
      for (const who of [u('uma'), u('sue'), u('nia'), OLI, u('xavier')]) {
        const auth = await bearer(t, who);
        await expectRejected(t, () => t.http.get('/v1/audit').set('Authorization', auth), 403, 'FORBIDDEN');
        await expectRejected(
          t,
          () => t.http.get('/v1/audit').query({ actorId: who }).set('Authorization', auth),
          403,
          'FORBIDDEN',
        );
      }
      await expectRejected(t, () => t.http.get('/v1/audit'), 401, 'UNAUTHENTICATED');
      await expectRejected(
        t,
        () => t.http.get('/v1/audit').set('Authorization', 'Bearer nope'),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  describe('GET /v1/audit.csv', () => {
    const column = (name: string) => CSV_HEADER.indexOf(name);

    it('parses back to the JSON list for the same filters: same rows, same confirmation numbers in the same order', async () => {
      const queries: Record<string, string>[] = [
        {},
        { siteId: '4001' },
        { actorId: u('pat') },
        { enterpriseId: reg.enterpriseId },
        { from: mark.m1, to: mark.m2 },
        { targetUserId: u('uma'), siteId: '4002' },
        { siteId: '9999' },
      ];
      for (const query of queries) {
        const { rows } = await csv(query);
        const json = await audit({ ...query, limit: 500 });
        expect({ query, numbers: rows.map((r) => r[0]) }).toEqual({ query, numbers: numbers(json.items) });
        expect(rows).toHaveLength(json.total);
        for (const [i, row] of rows.entries()) {
          const item = json.items[i]!;
          const plain = (v: string | undefined) => (v === undefined ? '' : /^[=+\-@]/.test(v) ? `'${v}` : v);
          expect(row).toHaveLength(CSV_HEADER.length);
          expect([row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[9], row[10]]).toEqual([
            item.occurredAt,
            item.action,
            plain(item.actorId),
            item.scope.siteId ?? '',
            item.scope.enterpriseId ?? '',
            item.scope.locationId ?? '',
            plain(item.targetUserId),
            plain(item.justification),
            plain(item.reason),
          ]);
          for (const change of item.changes) expect(row[column('changes')]).toContain(change.field);
        }
      }
    });

    it('neutralises cells a spreadsheet would run as a formula with a leading apostrophe (the JSON keeps the raw value)', async () => {
      const { rows } = await csv({ siteId: '4001' });
      const nominated = rows.find((r) => r[0] === cn.nominateOli)!;
      expect(nominated[column('actorId')]).toBe(`'${OLI}`);
      expect(nominated[column('targetUserId')]).toBe(`'${OLI}`);
      expect(nominated[column('justification')]).toBe(`'${OLI_JUSTIFICATION}`);
      const denied = rows.find((r) => r[0] === cn.denyOli)!;
      expect(denied[column('reason')]).toBe(`'${OLI_REASON}`);
      expect(denied[column('justification')]).toBe(`'${OLI_JUSTIFICATION}`);
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const json = (await confirmation(cn.nominateOli!, auditor).expect(200)).body;
      expect({ actorId: json.actorId, justification: json.justification }).toEqual({
        actorId: OLI,
        justification: OLI_JUSTIFICATION,
      });
    });

    it('follows the same visibility: administrators get their scopes only; 403 for others; 401 without token', async () => {
      const pat = await csv({}, await bearer(t, u('pat')));
      expect(pat.rows.map((r) => r[0])).toEqual(expected((e) => e.siteId === '4001'));
      const lars = await csv({}, await bearer(t, u('lars')));
      expect(lars.rows.map((r) => r[0])).toEqual([cn.rotateL2, cn.createL2]);
      const op = await csv({ action: 'AddUser' }, operator);
      expect(op.rows.map((r) => r[0])).toEqual(expected((e) => e.action === 'AddUser'));
      const uma = await bearer(t, u('uma'));
      await expectRejected(t, () => t.http.get('/v1/audit.csv').set('Authorization', uma), 403, 'FORBIDDEN');
      await expectRejected(t, () => t.http.get('/v1/audit.csv'), 401, 'UNAUTHENTICATED');
      const bad = await expectRejected(
        t,
        () => t.http.get('/v1/audit.csv').query({ from: 'yesterday' }).set('Authorization', auditor),
        400,
        'VALIDATION_FAILED',
      );
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['from']);
    });
  });

  describe('company tokens never reach an audit answer', () => {
    it('neither a token nor its digest appears in confirmations, the trail or the CSV; the digest field shows (redacted)', async () => {
      const tokens = [reg.companyToken, l2.companyToken, rotatedToken];
      expect(new Set(tokens).size).toBe(3);
      const digests = (await allEvents(t)).flatMap((e) =>
        typeof e.data.companyTokenDigest === 'string' ? [e.data.companyTokenDigest] : [],
      );
      expect(digests).toHaveLength(3); // HQ and L2 created, L2 rotated
      const secrets = [...tokens, ...digests];

      const rotated = (await confirmation(cn.rotateL2!, auditor).expect(200)).body;
      expect(rotated).toMatchObject({
        action: 'RotateCompanyToken',
        actorId: u('lars'),
        scope: { enterpriseId: reg.enterpriseId, locationId: l2.locationId },
        changes: [{ field: 'companyToken', from: '(previous)', to: '(rotated)' }],
        events: [{ type: 'CompanyTokenRotated', data: { companyTokenDigest: '(redacted)', rotatedBy: u('lars') } }],
      });
      const created = (await confirmation(cn.createL2!, auditor).expect(200)).body;
      expect(created.events.find((e: { type: string }) => e.type === 'LocationCreated').data.companyTokenDigest).toBe(
        '(redacted)',
      );
      const registered = (await confirmation(cn.registerEnterprise!, auditor).expect(200)).body;
      expect(
        registered.events.find((e: { type: string }) => e.type === 'LocationCreated').data.companyTokenDigest,
      ).toBe('(redacted)');

      const answers = [
        JSON.stringify(rotated),
        JSON.stringify(created),
        JSON.stringify(registered),
        JSON.stringify(await audit({ limit: 500 })),
        JSON.stringify(await audit({ limit: 500 }, await bearer(t, u('paula')))),
        JSON.stringify(await audit({ limit: 500 }, await bearer(t, u('lars')))),
        (await csv({})).text,
        (await csv({ enterpriseId: reg.enterpriseId }, await bearer(t, u('lars')))).text,
      ];
      for (const answer of answers) for (const secret of secrets) expect(answer.includes(secret)).toBe(false);
      const everyDigestField = (await audit({ enterpriseId: reg.enterpriseId, limit: 500 })).items
        .flatMap((i) => i.events)
        .filter((e) => 'companyTokenDigest' in e.data);
      expect(everyDigestField).toHaveLength(3);
      expect(everyDigestField.every((e) => e.data.companyTokenDigest === '(redacted)')).toBe(true);
    });
  });

  describe('only recorded changes are audited', () => {
    it('a command that changes nothing and a rejected command leave no entry', async () => {
      const before = await audit({ limit: 500 });
      const quinn = await bearer(t, u('quinn'));
      const same = await t.http
        .patch(`/v1/sites/4002/users/${u('uma')}`)
        .set('Authorization', quinn)
        .send({ role: 'secondary' })
        .expect(200);
      expect(same.body).toEqual({ changed: false });
      await expectRejected(
        t,
        () =>
          t.http
            .post('/v1/sites/4002/users')
            .set('Authorization', quinn)
            .send(person(u('uma'))),
        409,
        'ALREADY_MEMBER',
      );
      await expectRejected(
        t,
        () => t.http.delete('/v1/sites/4002/users/nobody@example.com').set('Authorization', quinn),
        409,
        'NOT_A_MEMBER',
      );
      await caughtUp(t);
      expect(await audit({ limit: 500 })).toEqual(before);
    });
  });

  describe('scopes that change after the fact', () => {
    it('a confirmation is readable at once with X-Consistent-With the position the command answered', async () => {
      const res = await t.http
        .post('/v1/sites/4002/users')
        .set('Authorization', await bearer(t, u('quinn')))
        .send(person(u('walt')))
        .expect(201);
      logged(
        'addWalt',
        { action: 'AddUser', actorId: u('quinn'), siteId: '4002', targets: [u('walt')] },
        res.body.confirmationNumber,
      );
      const entry = await confirmation(res.body.confirmationNumber, auditor)
        .set('X-Consistent-With', res.body.position)
        .expect(200);
      expect(entry.body).toMatchObject({
        confirmationNumber: res.body.confirmationNumber,
        action: 'AddUser',
        actorId: u('quinn'),
        targetUserId: u('walt'),
      });
      const trail = await t.http
        .get('/v1/audit')
        .query({ targetUserId: u('walt') })
        .set('Authorization', auditor)
        .set('X-Consistent-With', res.body.position)
        .expect(200);
      expect(numbers(trail.body.items)).toEqual([res.body.confirmationNumber]);
    });

    it('an APA sees the entries of the location they administer once they are made APA', async () => {
      const lars = await bearer(t, u('lars'));
      await expectRejected(t, () => confirmation(cn.settings!, lars), 403, 'FORBIDDEN');
      const res = await t.http
        .put(`/v1/enterprises/${reg.enterpriseId}/locations/${reg.locationId}/employees/${u('lars')}/access-role`)
        .set('Authorization', await bearer(t, u('paula')))
        .send({ accessRole: 'apa' })
        .expect(200);
      logged(
        'larsApa',
        {
          action: 'ChangeAccessRole',
          actorId: u('paula'),
          enterpriseId: reg.enterpriseId,
          locationId: reg.locationId,
          targets: [u('lars')],
        },
        res.body.confirmationNumber,
      );
      await caughtUp(t);
      await confirmation(cn.settings!, lars).expect(200);
      const mine = await audit({ limit: 500 }, lars);
      expect(numbers(mine.items)).toEqual(expected((e) => e.enterpriseId === reg.enterpriseId));
    });

    it("the PRC of a country's headquarters sees every location of that country, not other countries'", async () => {
      const l3 = await createLocation(t, reg.enterpriseId, u('paula'), 'Acme Berlin', 'DE', 2);
      logged(
        'createL3',
        {
          action: 'CreateLocation',
          actorId: u('paula'),
          enterpriseId: reg.enterpriseId,
          locationId: l3.locationId,
          targets: [u('paula')],
        },
        l3.confirmationNumber,
      );
      const l4 = await createLocation(t, reg.enterpriseId, u('paula'), 'Acme Paris', 'FR', 2);
      logged(
        'createL4',
        {
          action: 'CreateLocation',
          actorId: u('paula'),
          enterpriseId: reg.enterpriseId,
          locationId: l4.locationId,
          targets: [u('paula')],
        },
        l4.confirmationNumber,
      );
      // lars leaves the worldwide HQ: what remains is his PRC role at the German HQ (L2)
      const left = await t.http
        .delete(`/v1/enterprises/${reg.enterpriseId}/locations/${reg.locationId}/employees/${u('lars')}`)
        .set('Authorization', await bearer(t, u('lars')))
        .expect(200);
      logged(
        'larsLeaves',
        {
          action: 'RemoveEmployee',
          actorId: u('lars'),
          enterpriseId: reg.enterpriseId,
          locationId: reg.locationId,
          targets: [u('lars')],
        },
        left.body.confirmationNumber,
      );
      await caughtUp(t);
      const lars = await bearer(t, u('lars'));
      expect(numbers((await audit({ limit: 500 }, lars)).items)).toEqual(
        expected((e) => e.locationId === l2.locationId || e.locationId === l3.locationId),
      );
      await confirmation(cn.createL3!, lars).expect(200);
      await expectRejected(t, () => confirmation(cn.createL4!, lars), 403, 'FORBIDDEN');
      await confirmation(cn.larsLeaves!, lars).expect(200); // his own action, in a scope he no longer administers
      // the worldwide HQ PRC still sees everything of the enterprise
      expect(numbers((await audit({ limit: 500 }, await bearer(t, u('paula')))).items)).toEqual(
        expected((e) => e.enterpriseId === reg.enterpriseId),
      );
      expect(numbers((await audit({ limit: 500 })).items)).toEqual(expected(() => true));
    });

    it('a primary transfer concerns both people; the former primary, now a plain user, loses the trail but keeps their own confirmations', async () => {
      const quinn = await bearer(t, u('quinn'));
      const res = await t.http
        .post('/v1/sites/4002/primary-contact')
        .set('Authorization', quinn)
        .send({ userId: u('walt'), formerPrimaryRole: 'user' })
        .expect(200);
      logged(
        'transferB',
        { action: 'TransferPrimaryContact', actorId: u('quinn'), siteId: '4002', targets: [u('walt'), u('quinn')] },
        res.body.confirmationNumber,
      );
      await caughtUp(t);
      const entry = (await confirmation(cn.transferB!, auditor).expect(200)).body;
      expect(entry).toMatchObject({
        action: 'TransferPrimaryContact',
        targetUserId: u('walt'),
        scope: { siteId: '4002' },
      });
      expect(entry.changes).toEqual([
        { field: `role(${u('walt')})`, from: 'user', to: 'primary' },
        { field: `role(${u('quinn')})`, from: 'primary', to: 'user' },
      ]);
      // the second person concerned is found by the targetUserId filter too
      expect(numbers((await audit({ targetUserId: u('quinn'), limit: 500 })).items)).toEqual(
        expected((e) => e.targets.includes(u('quinn'))),
      );
      expect(numbers((await audit({ targetUserId: u('quinn') })).items)).toContain(cn.transferB);
      await expectRejected(t, () => t.http.get('/v1/audit').set('Authorization', quinn), 403, 'FORBIDDEN');
      for (const name of ['addUmaB', 'changeUmaB', 'transferB']) await confirmation(cn[name]!, quinn).expect(200);
      // her registration is about her: she reads it as its target, but its contact details no longer
      const registered = (await confirmation(cn.registerB!, quinn).expect(200)).body;
      expect(registered.targetUserIds).toEqual([u('quinn')]);
      expect(registered.events[0].data.primary).toMatchObject({ userId: u('quinn') });
      expect(JSON.stringify(registered)).not.toContain('+49 89 1234');
      expect(JSON.stringify(registered)).not.toContain('Main Street 1');
      const walt = await audit({ limit: 500 }, await bearer(t, u('walt')));
      expect(numbers(walt.items)).toEqual(expected((e) => e.siteId === '4002'));
    });
  });
});
