import { mintToken } from '#auth';
import { hire, locationPath } from '../partner-profile/partner-steps.js';
import { registerEnterprise } from '../support/partner-fixtures.js';
import {
  addUser,
  bearer,
  caughtUp,
  contact,
  expectRejected,
  nominate,
  person,
  registerSite,
} from '../support/site-fixtures.js';
import { TEST_SECRET, type TestApp, startTestApp } from '../support/test-app.js';

/**
 * The security review's authority probes, over real HTTP with real tokens: no one raises their
 * own authority, auditors change nothing, contact details stay with contact viewers, decision
 * mail goes to verified addresses, and look-alike ids are refused. Each rejected probe must
 * record nothing (expectRejected compares the whole event log before and after).
 */
describe('Security: authority and identity (HTTP)', () => {
  let t: TestApp;
  const pat = 'pat@example.com';
  beforeAll(async () => {
    t = await startTestApp();
    await registerSite(t, '5001', pat);
    await addUser(t, '5001', person('sam@example.com', 'secondary', { manageAccess: 'update' }));
    await addUser(t, '5001', person('uma@example.com', 'user', { softwareAccess: 'downloads' }));
  });
  afterAll(() => t.close());

  const send = (method: 'post' | 'put' | 'patch' | 'delete', path: string, auth: string, body?: object) => () => {
    const req = t.http[method](path).set('Authorization', auth);
    return body ? req.send(body) : req;
  };

  describe('an APA cannot take over the PRC role (remove, then appoint themselves)', () => {
    it('refuses both steps and leaves the PRC in place', async () => {
      const acme = await registerEnterprise(t, 'paula@example.com');
      await hire(t, acme.enterpriseId, acme.locationId, acme.companyToken, 'andy@example.com', 'paula@example.com', {
        role: 'apa',
      });
      const andy = await bearer(t, 'andy@example.com');
      const hq = locationPath(acme.enterpriseId, acme.locationId);
      await expectRejected(t, send('delete', `${hq}/employees/paula@example.com`, andy), 403, 'FORBIDDEN');
      await expectRejected(
        t,
        send('put', `${hq}/primary-relationship-contact`, andy, { userId: 'andy@example.com' }),
        403,
        'FORBIDDEN',
      );
      // Even with the PRC gone (she left herself), the APA cannot appoint himself.
      await t.http
        .delete(`${hq}/employees/paula@example.com`)
        .set('Authorization', await bearer(t, 'paula@example.com'))
        .expect(200);
      await expectRejected(
        t,
        send('put', `${hq}/primary-relationship-contact`, andy, { userId: 'andy@example.com' }),
        403,
        'FORBIDDEN',
      );
      const op = await bearer(t, 'op@example.com', { roles: ['operator'] });
      await t.http
        .put(`${hq}/primary-relationship-contact`)
        .set('Authorization', op)
        .send({ userId: 'andy@example.com' })
        .expect(200);
    });
  });

  describe("a secondary cannot raise their own or anyone else's privileges beyond their own", () => {
    it('refuses PATCH on oneself and grants above the own level', async () => {
      const sam = await bearer(t, 'sam@example.com');
      const all = {
        softwareAccess: 'downloads_media_quotes_renewals',
        reporting: 'view',
        entitlements: 'update',
        manageAccess: 'update',
        contactUpdates: 'update',
        accountDocuments: 'view',
      };
      await expectRejected(
        t,
        send('patch', '/v1/sites/5001/users/sam@example.com', sam, { privileges: all }),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        send('patch', '/v1/sites/5001/users/uma@example.com', sam, { role: 'secondary', privileges: all }),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        send('post', '/v1/sites/5001/users', sam, person('zed@example.com', 'secondary', { contactUpdates: 'update' })),
        403,
        'FORBIDDEN',
      );
      await t.http
        .patch('/v1/sites/5001/users/uma@example.com')
        .set('Authorization', sam)
        .send({ role: 'secondary', privileges: { manageAccess: 'view' } })
        .expect(200);
    });

    it('a demoted primary keeps no Account Management privileges unless the transfer says so', async () => {
      await registerSite(t, '5002', 'pia@example.com');
      await addUser(t, '5002', person('quin@example.com', 'secondary', {}), 'pia@example.com');
      const res = await t.http
        .post('/v1/sites/5002/primary-contact')
        .set('Authorization', await bearer(t, 'pia@example.com'))
        .send({ userId: 'quin@example.com', formerPrimaryRole: 'secondary' })
        .expect(200);
      const access = await t.http
        .get('/v1/sites/5002/users/pia@example.com/access')
        .set('Authorization', await bearer(t, 'quin@example.com'))
        .set('X-Consistent-With', res.body.position)
        .expect(200);
      expect(access.body).toMatchObject({
        role: 'secondary',
        privileges: { manageAccess: 'none', contactUpdates: 'none', accountDocuments: 'none' },
      });
    });

    it('nobody grants their own access request, not even an operator', async () => {
      const { requestId } = await nominate(t, '5001', 'op@example.com');
      const op = await bearer(t, 'op@example.com', { roles: ['operator'] });
      await expectRejected(
        t,
        send('post', `/v1/sites/5001/access-requests/${requestId}/grant`, op, { role: 'secondary', privileges: {} }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('contact details in the audit trail', () => {
    it('are redacted for an administrator without contact rights and shown to the primary and auditors', async () => {
      const fresh = await bearer(t, pat, { authTime: Math.floor(Date.now() / 1000) });
      const put = await t.http
        .put('/v1/sites/5001/contacts/billing')
        .set('Authorization', fresh)
        .send({ ...contact('Bea', 'Billing', 'bea.secret@example.com'), contactTypes: ['billing'] })
        .expect(200);
      await caughtUp(t);
      const sam = await bearer(t, 'sam@example.com'); // manageAccess=update, no contact rights
      await t.http.get('/v1/sites/5001/contacts').set('Authorization', sam).expect(403);
      const asSam = await t.http
        .get('/v1/audit')
        .query({ siteId: '5001', action: 'UpdateContact' })
        .set('Authorization', sam)
        .expect(200);
      const confirmation = await t.http
        .get(`/v1/confirmations/${put.body.confirmationNumber}`)
        .set('Authorization', sam)
        .expect(200);
      const csv = await t.http.get('/v1/audit.csv').query({ siteId: '5001' }).set('Authorization', sam).expect(200);
      for (const text of [JSON.stringify(asSam.body), JSON.stringify(confirmation.body), csv.text]) {
        expect(text).not.toMatch(/bea\.secret|Billing|\+49 89 1234|Main Street|80331/);
      }
      expect(asSam.body.items).toHaveLength(1);
      expect(asSam.body.items[0].events[0].data.contact).toEqual({
        contactId: 'billing',
        contactTypes: ['billing'],
        details: '(redacted)',
      });
      for (const who of [await bearer(t, pat), await bearer(t, 'audrey@example.com', { roles: ['auditor'] })]) {
        const shown = await t.http
          .get(`/v1/confirmations/${put.body.confirmationNumber}`)
          .set('Authorization', who)
          .expect(200);
        expect(JSON.stringify(shown.body)).toContain('bea.secret@example.com');
      }
    });
  });

  describe('decision e-mails', () => {
    it("go to the requester's verified identity, never to an address typed into the request", async () => {
      const nina = `Bearer ${await mintToken(TEST_SECRET, { sub: 'nina-42', email: 'nina@corp.example' })}`;
      const req = await t.http
        .post('/v1/sites/5001/access-requests')
        .set('Authorization', nina)
        .send({
          firstName: 'Nina',
          lastName: 'N',
          email: 'victim@elsewhere.example',
          businessJustification: 'Please send this to someone else',
        })
        .expect(201);
      await caughtUp(t);
      const granted = await t.http
        .post(`/v1/sites/5001/access-requests/${req.body.requestId}/grant`)
        .set('Authorization', await bearer(t, pat))
        .send({ role: 'user', privileges: {} })
        .expect(200);
      const mail = await t.http
        .get('/v1/me/notifications')
        .set('Authorization', nina)
        .set('X-Consistent-With', granted.body.position)
        .expect(200);
      expect(mail.body.items).toEqual([expect.objectContaining({ to: 'nina@corp.example' })]);
      expect(JSON.stringify(mail.body)).not.toContain('victim@elsewhere.example');
      // Approvers see what the requester typed, not the identity provider's address.
      const requests = await t.http
        .get('/v1/sites/5001/access-requests')
        .set('Authorization', await bearer(t, pat))
        .set('X-Consistent-With', granted.body.position)
        .expect(200);
      expect(JSON.stringify(requests.body)).not.toContain('nina@corp.example');
    });

    it('refuse names with line breaks or invisible characters, so nothing can be smuggled into mail text', async () => {
      const ned = await bearer(t, 'ned@example.com');
      for (const firstName of ['Ned\r\nBcc: all@example.com', 'Ned\u202Egnp.exe', 'Ned\u0000']) {
        await expectRejected(
          t,
          send('post', '/v1/sites/5001/access-requests', ned, {
            firstName,
            lastName: 'N',
            email: 'ned@example.com',
            businessJustification: 'A perfectly fine reason',
          }),
          400,
          'VALIDATION_FAILED',
        );
      }
    });
  });

  describe('auditor tokens are read-only everywhere', () => {
    it('refuses every kind of write with 403 and records nothing', async () => {
      const audrey = await bearer(t, 'audrey@example.com', { roles: ['auditor'] });
      await expectRejected(
        t,
        send('post', '/v1/enterprises', audrey, {
          name: 'Shadow',
          countryEnterpriseName: 'Shadow US',
          location: {
            name: 'HQ',
            address: '1 Way',
            city: 'Austin',
            postalCode: '73301',
            country: 'US',
            partnerTier: 2,
          },
          employee: { firstName: 'Au', lastName: 'Drey', email: 'audrey@example.com' },
        }),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        send('post', '/v1/sites/5001/access-requests', audrey, {
          firstName: 'Au',
          lastName: 'Drey',
          email: 'audrey@example.com',
          businessJustification: 'Auditing from the inside',
        }),
        403,
        'FORBIDDEN',
      );
      await expectRejected(
        t,
        send('put', '/v1/me/notification-preferences', audrey, { email: 'audrey@example.com' }),
        403,
        'FORBIDDEN',
      );
      const both = await bearer(t, 'op2@example.com', { roles: ['operator', 'auditor'] });
      await expectRejected(
        t,
        send('post', '/v1/sites', both, {
          siteId: '5999',
          name: 'X',
          primaryContact: { userId: 'x@example.com', ...contact('X', 'Y', 'x@example.com') },
        }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('look-alike and unprintable user ids', () => {
    it('refuses a Kelvin-sign subject instead of folding it into kim', async () => {
      const kelvin = `Bearer ${await mintToken(TEST_SECRET, { sub: '\u212Aim@example.com' })}`;
      const res = await t.http.get('/v1/me').set('Authorization', kelvin).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses ids with line breaks, NUL, spaces or bidi overrides in bodies, and normalises compatibility forms', async () => {
      const auth = await bearer(t, pat);
      for (const userId of [
        'evil\r\n@example.com',
        'evil\u0000@example.com',
        'evil one@example.com',
        'evil\u202E@example.com',
      ]) {
        await expectRejected(
          t,
          send('post', '/v1/sites/5001/users', auth, { ...person('evil@example.com'), userId }),
          400,
          'VALIDATION_FAILED',
        );
      }
      const added = await t.http
        .post('/v1/sites/5001/users')
        .set('Authorization', auth)
        .send({ ...person('kim@example.com'), userId: '\uFF2Bim@example.com' })
        .expect(201);
      await t.http
        .get('/v1/sites/5001/users/kim@example.com/access')
        .set('Authorization', auth)
        .set('X-Consistent-With', added.body.position)
        .expect(200);
    });
  });
});
