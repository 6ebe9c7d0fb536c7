import type { Response } from 'supertest';
import { type AccessRoleName, enterprisePath, hire, locationPath } from '../partner-profile/partner-steps.js';
import { createLocation, registerEnterprise } from '../support/partner-fixtures.js';
import { addUser, bearer, caughtUp, contact, nominate, person, registerSite } from '../support/site-fixtures.js';
import { type TestApp, startTestApp } from '../support/test-app.js';

/**
 * The API tells each caller what they may do (`permissions` on GET /v1/sites/{s}, GET
 * /v1/enterprises/{e}, GET .../locations/{l} and GET /v1/me), and the console shows only that. Each
 * advertised flag must AGREE with what the API then does when that caller sends the request: flag
 * true ⇒ answered / accepted, flag false ⇒ 403. Real HTTP, real tokens, embedded stores. The
 * expected tables below only guard against a vacuous agreement (every flag false); the agreement
 * itself is checked request by request.
 */
describe('Security: the permissions the API advertises agree with what it does (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  type Roles = { roles?: ('operator' | 'auditor')[] };
  const auth = (userId: string, options: Roles = {}) => bearer(t, userId, options);

  /** Asserts the answer agrees with the flag: `ok` when true, 403 FORBIDDEN when false (or absent). */
  function agrees(flag: boolean | undefined, res: Response, ok: number, what: string) {
    expect({
      what,
      flag: flag ?? false,
      status: res.status,
      code: res.status >= 400 ? res.body?.code : undefined,
    }).toEqual({
      what,
      flag: flag ?? false,
      status: flag ? ok : 403,
      code: flag ? undefined : 'FORBIDDEN',
    });
  }

  describe('sites: GET /v1/sites/{siteId} permissions', () => {
    let n = 0;
    const pat = 'pat@example.com';

    /** A fresh site (pat primary, tara a plain user) with the caller in the given standing, if any. */
    async function siteWith(member?: {
      userId: string;
      role: 'secondary' | 'user';
      privileges: Record<string, string>;
    }) {
      const siteId = String(7100 + n++);
      await registerSite(t, siteId, pat);
      await addUser(t, siteId, person('tara@example.com', 'user'));
      if (member) await addUser(t, siteId, person(member.userId, member.role, member.privileges));
      return siteId;
    }

    type Flags = {
      viewUsers: boolean;
      manageUsers: boolean;
      viewContacts: boolean;
      updateContacts: boolean;
      transferPrimary: boolean;
    };

    /** Reads the caller's flags, then sends each kind of request and checks it agrees; commands last (transfer very last). */
    async function checkAgreement(siteId: string, caller: string, options: Roles = {}): Promise<Flags | undefined> {
      const a = await auth(caller, options);
      const get = (path: string) => t.http.get(`/v1/sites/${siteId}${path}`).set('Authorization', a);
      const summary = await get('');
      expect([200, 403]).toContain(summary.status);
      // A caller who may not see the site is told nothing about it, permissions included: every request must be refused.
      const flags = summary.status === 200 ? (summary.body.permissions as Flags) : undefined;
      if (flags)
        expect(Object.keys(flags).sort()).toEqual([
          'manageUsers',
          'transferPrimary',
          'updateContacts',
          'viewContacts',
          'viewUsers',
        ]);

      agrees(flags?.viewUsers, await get('/users'), 200, 'viewUsers: GET users');
      agrees(flags?.viewUsers, await get('/users/report.csv'), 200, 'viewUsers: GET users report');
      agrees(flags?.viewUsers, await get('/access-requests'), 200, 'viewUsers: GET access requests');
      agrees(flags?.viewContacts, await get('/contacts'), 200, 'viewContacts: GET contacts');
      agrees(flags?.viewContacts, await get('/recipients?type=billing'), 200, 'viewContacts: GET recipients');

      const added = `new-${caller.split('@')[0]}-${siteId}@example.com`;
      agrees(
        flags?.manageUsers,
        await t.http.post(`/v1/sites/${siteId}/users`).set('Authorization', a).send(person(added, 'user')),
        201,
        'manageUsers: POST users',
      );
      agrees(
        flags?.manageUsers,
        await t.http
          .patch(`/v1/sites/${siteId}/users/tara@example.com`)
          .set('Authorization', a)
          .send({ role: 'user', privileges: {} }),
        200,
        'manageUsers: PATCH a user',
      );
      const { requestId } = await nominate(t, siteId, `req-${caller.split('@')[0]}-${siteId}@example.com`);
      agrees(
        flags?.manageUsers,
        await t.http
          .post(`/v1/sites/${siteId}/access-requests/${requestId}/deny`)
          .set('Authorization', a)
          .send({ reason: 'Not needed here' }),
        200,
        'manageUsers: deny a request',
      );
      // A sign-in within 15 minutes (the default token's auth_time is now), as contact updates need.
      agrees(
        flags?.updateContacts,
        await t.http
          .put(`/v1/sites/${siteId}/contacts/billing-${n}`)
          .set('Authorization', a)
          .send({ ...contact('Bea', 'Billing', 'bea@example.com'), contactTypes: ['billing'] }),
        200,
        'updateContacts: PUT a contact',
      );
      agrees(
        flags?.transferPrimary,
        await t.http
          .post(`/v1/sites/${siteId}/primary-contact`)
          .set('Authorization', a)
          .send({ userId: 'tara@example.com', formerPrimaryRole: 'user' }),
        200,
        'transferPrimary: POST primary-contact',
      );
      await caughtUp(t);
      return flags;
    }

    const cases: {
      name: string;
      caller: string;
      options?: Roles;
      member?: { role: 'secondary' | 'user'; privileges: Record<string, string> };
      expected: Flags | undefined;
    }[] = [
      {
        name: 'the primary',
        caller: pat,
        expected: {
          viewUsers: true,
          manageUsers: true,
          viewContacts: true,
          updateContacts: true,
          transferPrimary: true,
        },
      },
      {
        name: 'an operator',
        caller: 'op@example.com',
        options: { roles: ['operator'] },
        expected: {
          viewUsers: true,
          manageUsers: true,
          viewContacts: true,
          updateContacts: true,
          transferPrimary: true,
        },
      },
      {
        name: 'an auditor',
        caller: 'audrey@example.com',
        options: { roles: ['auditor'] },
        expected: {
          viewUsers: true,
          manageUsers: false,
          viewContacts: true,
          updateContacts: false,
          transferPrimary: false,
        },
      },
      {
        name: 'an operator who is also an auditor (read-only)',
        caller: 'opaud@example.com',
        options: { roles: ['operator', 'auditor'] },
        expected: {
          viewUsers: true,
          manageUsers: false,
          viewContacts: true,
          updateContacts: false,
          transferPrimary: false,
        },
      },
      {
        name: 'a secondary with manageAccess=update',
        caller: 'sam@example.com',
        member: { role: 'secondary', privileges: { manageAccess: 'update' } },
        expected: {
          viewUsers: true,
          manageUsers: true,
          viewContacts: false,
          updateContacts: false,
          transferPrimary: false,
        },
      },
      {
        name: 'a secondary with manageAccess=view',
        caller: 'vic@example.com',
        member: { role: 'secondary', privileges: { manageAccess: 'view' } },
        expected: {
          viewUsers: true,
          manageUsers: false,
          viewContacts: false,
          updateContacts: false,
          transferPrimary: false,
        },
      },
      {
        name: 'a secondary without Account Management privileges',
        caller: 'nel@example.com',
        member: { role: 'secondary', privileges: { softwareAccess: 'downloads' } },
        expected: {
          viewUsers: false,
          manageUsers: false,
          viewContacts: false,
          updateContacts: false,
          transferPrimary: false,
        },
      },
      {
        name: 'a secondary with contactUpdates=view',
        caller: 'cuv@example.com',
        member: { role: 'secondary', privileges: { contactUpdates: 'view' } },
        expected: {
          viewUsers: false,
          manageUsers: false,
          viewContacts: true,
          updateContacts: false,
          transferPrimary: false,
        },
      },
      {
        name: 'a secondary with contactUpdates=update and manageAccess=view',
        caller: 'cuu@example.com',
        member: { role: 'secondary', privileges: { contactUpdates: 'update', manageAccess: 'view' } },
        expected: {
          viewUsers: true,
          manageUsers: false,
          viewContacts: true,
          updateContacts: true,
          transferPrimary: false,
        },
      },
      {
        name: 'a plain user',
        caller: 'uma@example.com',
        member: { role: 'user', privileges: { softwareAccess: 'downloads', reporting: 'view' } },
        expected: {
          viewUsers: false,
          manageUsers: false,
          viewContacts: false,
          updateContacts: false,
          transferPrimary: false,
        },
      },
      { name: 'a signed-in stranger (403: nothing advertised)', caller: 'stan@example.com', expected: undefined },
    ];

    it.each(cases)('$name: every flag agrees with the answer to its request', async (c) => {
      const siteId = await siteWith(c.member ? { userId: c.caller, ...c.member } : undefined);
      const flags = await checkAgreement(siteId, c.caller, c.options);
      expect(flags).toEqual(c.expected);
    });

    it('the flags follow the standing as it changes (a secondary made primary gains the transfer)', async () => {
      const siteId = await siteWith({ userId: 'sue@example.com', role: 'secondary', privileges: {} });
      const before = await t.http.get(`/v1/sites/${siteId}`).set('Authorization', await auth('sue@example.com'));
      expect(before.body.permissions).toMatchObject({ manageUsers: false, transferPrimary: false });
      await t.http
        .post(`/v1/sites/${siteId}/primary-contact`)
        .set('Authorization', await auth(pat))
        .send({ userId: 'sue@example.com', formerPrimaryRole: 'secondary' })
        .expect(200);
      await caughtUp(t);
      expect(await checkAgreement(siteId, 'sue@example.com')).toEqual({
        viewUsers: true,
        manageUsers: true,
        viewContacts: true,
        updateContacts: true,
        transferPrimary: true,
      });
      // pat, now a secondary without Account Management, lost them all.
      expect(await checkAgreement(siteId, pat)).toMatchObject({ manageUsers: false, transferPrimary: false });
    });
  });

  describe('partner profile: GET /v1/enterprises/{e} and GET .../locations/{l} permissions', () => {
    const paula = 'paula@example.com'; // PRC of the worldwide HQ (US)
    let enterpriseId: string;
    let hq: string; // worldwide and US headquarters
    let branch: string; // a second US location, cara its PRC
    let munich: string; // the DE headquarters, derek its PRC

    beforeAll(async () => {
      const acme = await registerEnterprise(t, paula, 'US', 2);
      enterpriseId = acme.enterpriseId;
      hq = acme.locationId;
      const hireAtHq = (userId: string, options: { role?: AccessRoleName } = {}) =>
        hire(t, enterpriseId, hq, acme.companyToken, userId, paula, options);
      await hireAtHq('andy@example.com', { role: 'apa' });
      await hireAtHq('dora@example.com', { role: 'distributor' });
      await hireAtHq('dipi@example.com', { role: 'distributor_pi' });
      await hireAtHq('vera@example.com', { role: 'view_only' });
      await hireAtHq('pete@example.com');
      await hireAtHq('cara@example.com');
      await hireAtHq('derek@example.com');
      branch = (await createLocation(t, enterpriseId, 'cara@example.com', 'Acme Dallas', 'US', 2)).locationId;
      munich = (await createLocation(t, enterpriseId, 'derek@example.com', 'Acme München', 'DE', 1)).locationId;
      await caughtUp(t);
    });

    type LocationFlags = { manage: boolean; viewEmployees: boolean; viewCompliance: boolean };
    type EditFlags = { rename: boolean; moveHeadquarters: boolean };

    /** The caller's flags at a location, each checked against the request it stands for. */
    async function checkLocation(locationId: string, caller: string, options: Roles = {}) {
      const a = await auth(caller, options);
      const path = locationPath(enterpriseId, locationId);
      const res = await t.http.get(path).set('Authorization', a);
      expect([200, 403]).toContain(res.status);
      const flags = res.status === 200 ? (res.body.permissions as LocationFlags) : undefined;
      agrees(
        flags?.viewEmployees,
        await t.http.get(`${path}/employees`).set('Authorization', a),
        200,
        'viewEmployees: GET employees',
      );
      agrees(
        flags?.viewCompliance,
        await t.http.get(`${path}/compliance-summary`).set('Authorization', a),
        200,
        'viewCompliance: GET compliance summary',
      );
      agrees(
        flags?.manage,
        await t.http.get(`${path}/self-associations`).set('Authorization', a),
        200,
        'manage: GET self-associations',
      );
      // Commands that change nothing (the current values): accepted (200, changed: false) or refused.
      const current = await t.http.get(path).set('Authorization', await auth(paula));
      agrees(
        flags?.manage,
        await t.http
          .put(`${path}/settings`)
          .set('Authorization', a)
          .send({ autoAcceptSelfAssociation: current.body.autoAcceptSelfAssociation }),
        200,
        'manage: PUT settings',
      );
      const { name, address, city, postalCode, partnerTier } = current.body;
      agrees(
        flags?.manage,
        await t.http
          .put(`${path}/profile`)
          .set('Authorization', a)
          .send({ name, address, city, postalCode, partnerTier }),
        200,
        'manage: PUT location profile',
      );
      return flags;
    }

    /** The caller's flags on the enterprise and each country enterprise, each checked against its command. */
    async function checkEnterprise(caller: string, options: Roles = {}) {
      const a = await auth(caller, options);
      const res = await t.http.get(enterprisePath(enterpriseId)).set('Authorization', a);
      expect([200, 403]).toContain(res.status);
      const full = (await t.http.get(enterprisePath(enterpriseId)).set('Authorization', await auth(paula))).body as {
        name: string;
        worldwideHeadquartersLocationId: string;
        countryEnterprises: {
          countryEnterpriseId: string;
          country: string;
          name: string;
          headquartersLocationId: string;
        }[];
      };
      const flags = res.status === 200 ? (res.body.permissions as EditFlags) : undefined;
      agrees(
        flags?.rename,
        await t.http
          .put(`${enterprisePath(enterpriseId)}/profile`)
          .set('Authorization', a)
          .send({ name: full.name }),
        200,
        'rename: PUT enterprise profile',
      );
      agrees(
        flags?.moveHeadquarters,
        await t.http
          .put(`${enterprisePath(enterpriseId)}/headquarters`)
          .set('Authorization', a)
          .send({ locationId: full.worldwideHeadquartersLocationId }),
        200,
        'moveHeadquarters: PUT worldwide headquarters',
      );
      const countries: Record<string, EditFlags | undefined> = {};
      for (const country of full.countryEnterprises) {
        const shown = res.status === 200 ? (res.body.countryEnterprises as typeof full.countryEnterprises) : [];
        const cflags = (
          shown.find((c) => c.countryEnterpriseId === country.countryEnterpriseId) as
            { permissions: EditFlags } | undefined
        )?.permissions;
        const base = `${enterprisePath(enterpriseId)}/country-enterprises/${country.countryEnterpriseId}`;
        agrees(
          cflags?.rename,
          await t.http.put(`${base}/profile`).set('Authorization', a).send({ name: country.name }),
          200,
          `rename: PUT country enterprise ${country.country} profile`,
        );
        agrees(
          cflags?.moveHeadquarters,
          await t.http
            .put(`${base}/headquarters`)
            .set('Authorization', a)
            .send({ locationId: country.headquartersLocationId }),
          200,
          `moveHeadquarters: PUT country enterprise ${country.country} headquarters`,
        );
        countries[country.country] = cflags;
      }
      return { enterprise: flags, countries };
    }

    const all = (value: boolean): LocationFlags => ({ manage: value, viewEmployees: value, viewCompliance: value });
    const edits = (value: boolean): EditFlags => ({ rename: value, moveHeadquarters: value });

    const cases: {
      name: string;
      caller: string;
      options?: Roles;
      hq: LocationFlags | undefined;
      branch: LocationFlags | undefined;
      munich: LocationFlags | undefined;
      enterprise: EditFlags | undefined;
      US: EditFlags | undefined;
      DE: EditFlags | undefined;
    }[] = [
      {
        name: 'the PRC of the worldwide HQ',
        caller: paula,
        hq: all(true),
        branch: all(true),
        munich: all(true),
        enterprise: edits(true),
        US: edits(true),
        DE: edits(true),
      },
      {
        name: 'the PRC of a branch (personal_update at the HQ)',
        caller: 'cara@example.com',
        hq: { manage: false, viewEmployees: true, viewCompliance: false },
        branch: all(true),
        munich: { manage: false, viewEmployees: false, viewCompliance: false },
        enterprise: edits(false),
        US: edits(false),
        DE: edits(false),
      },
      {
        name: 'the PRC of a country HQ',
        caller: 'derek@example.com',
        hq: { manage: false, viewEmployees: true, viewCompliance: false },
        branch: { manage: false, viewEmployees: false, viewCompliance: false },
        munich: all(true),
        enterprise: edits(false),
        US: edits(false),
        DE: edits(true),
      },
      {
        name: 'an APA of the HQ',
        caller: 'andy@example.com',
        hq: all(true),
        branch: { manage: false, viewEmployees: false, viewCompliance: false },
        munich: { manage: false, viewEmployees: false, viewCompliance: false },
        enterprise: edits(false),
        US: edits(false),
        DE: edits(false),
      },
      {
        name: 'a distributor',
        caller: 'dora@example.com',
        hq: { manage: false, viewEmployees: true, viewCompliance: true },
        branch: all(false),
        munich: all(false),
        enterprise: edits(false),
        US: edits(false),
        DE: edits(false),
      },
      {
        name: 'a distributor_pi',
        caller: 'dipi@example.com',
        hq: { manage: false, viewEmployees: true, viewCompliance: true },
        branch: all(false),
        munich: all(false),
        enterprise: edits(false),
        US: edits(false),
        DE: edits(false),
      },
      {
        name: 'a view_only employee',
        caller: 'vera@example.com',
        hq: { manage: false, viewEmployees: true, viewCompliance: false },
        branch: all(false),
        munich: all(false),
        enterprise: edits(false),
        US: edits(false),
        DE: edits(false),
      },
      {
        name: 'a personal_update employee',
        caller: 'pete@example.com',
        hq: { manage: false, viewEmployees: true, viewCompliance: false },
        branch: all(false),
        munich: all(false),
        enterprise: edits(false),
        US: edits(false),
        DE: edits(false),
      },
      {
        name: 'an operator (no location management)',
        caller: 'op@example.com',
        options: { roles: ['operator'] },
        hq: { manage: false, viewEmployees: false, viewCompliance: true },
        branch: { manage: false, viewEmployees: false, viewCompliance: true },
        munich: { manage: false, viewEmployees: false, viewCompliance: true },
        enterprise: edits(false),
        US: edits(false),
        DE: edits(false),
      },
      {
        name: 'an auditor',
        caller: 'audrey@example.com',
        options: { roles: ['auditor'] },
        hq: { manage: false, viewEmployees: true, viewCompliance: true },
        branch: { manage: false, viewEmployees: true, viewCompliance: true },
        munich: { manage: false, viewEmployees: true, viewCompliance: true },
        enterprise: edits(false),
        US: edits(false),
        DE: edits(false),
      },
      {
        name: 'a stranger (403: nothing advertised)',
        caller: 'stan@example.com',
        hq: undefined,
        branch: undefined,
        munich: undefined,
        enterprise: undefined,
        US: undefined,
        DE: undefined,
      },
    ];

    it.each(cases)('$name: every flag agrees with the answer to its request', async (c) => {
      expect(await checkLocation(hq, c.caller, c.options)).toEqual(c.hq);
      expect(await checkLocation(branch, c.caller, c.options)).toEqual(c.branch);
      expect(await checkLocation(munich, c.caller, c.options)).toEqual(c.munich);
      const { enterprise, countries } = await checkEnterprise(c.caller, c.options);
      expect({ enterprise, ...countries }).toEqual({ enterprise: c.enterprise, US: c.US, DE: c.DE });
    });
  });

  describe('GET /v1/me permissions', () => {
    beforeAll(async () => {
      await registerSite(t, '7900', 'mia@example.com');
      await addUser(t, '7900', person('max@example.com', 'secondary', { manageAccess: 'view' }), 'mia@example.com');
      await addUser(t, '7900', person('ned@example.com', 'secondary', { contactUpdates: 'update' }), 'mia@example.com');
      await addUser(t, '7900', person('ula@example.com', 'user', { softwareAccess: 'downloads' }), 'mia@example.com');
      const org = await registerEnterprise(t, 'prisca@example.com', 'US', 2);
      await hire(t, org.enterpriseId, org.locationId, org.companyToken, 'apollo@example.com', 'prisca@example.com', {
        role: 'apa',
      });
      await hire(t, org.enterpriseId, org.locationId, org.companyToken, 'dina@example.com', 'prisca@example.com', {
        role: 'distributor',
      });
      await hire(t, org.enterpriseId, org.locationId, org.companyToken, 'val@example.com', 'prisca@example.com', {
        role: 'view_only',
      });
      await caughtUp(t);
    });

    const cases: { name: string; caller: string; options?: Roles; audit: boolean; change: boolean }[] = [
      { name: 'an auditor', caller: 'audrey@example.com', options: { roles: ['auditor'] }, audit: true, change: false },
      { name: 'an operator', caller: 'op@example.com', options: { roles: ['operator'] }, audit: true, change: true },
      { name: 'a site primary', caller: 'mia@example.com', audit: true, change: true },
      { name: 'a secondary with manageAccess=view', caller: 'max@example.com', audit: true, change: true },
      { name: 'a secondary with contactUpdates only', caller: 'ned@example.com', audit: false, change: true },
      { name: 'a plain site user', caller: 'ula@example.com', audit: false, change: true },
      { name: 'a PRC (no site at all)', caller: 'prisca@example.com', audit: true, change: true },
      { name: 'an APA (no site at all)', caller: 'apollo@example.com', audit: true, change: true },
      { name: 'a distributor', caller: 'dina@example.com', audit: false, change: true },
      { name: 'a view_only employee', caller: 'val@example.com', audit: false, change: true },
      { name: 'a stranger', caller: 'stan@example.com', audit: false, change: true },
    ];

    it.each(cases)('$name: audit and change agree with the audit search and a command', async (c) => {
      const a = await auth(c.caller, c.options);
      const me = await t.http.get('/v1/me').set('Authorization', a).expect(200);
      const flags = me.body.permissions as { audit: boolean; change: boolean };
      agrees(flags.audit, await t.http.get('/v1/audit').set('Authorization', a), 200, 'audit: GET /v1/audit');
      agrees(flags.audit, await t.http.get('/v1/audit.csv').set('Authorization', a), 200, 'audit: GET /v1/audit.csv');
      agrees(
        flags.change,
        await t.http.put('/v1/me/notification-preferences').set('Authorization', a).send({ subscribed: true }),
        200,
        'change: PUT notification preferences',
      );
      expect(flags).toEqual({ audit: c.audit, change: c.change });
    });
  });
});
