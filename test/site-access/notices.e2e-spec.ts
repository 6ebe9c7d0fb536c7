import { NoticeScheduler } from '#site-access';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { TestClock } from '../support/test-clock.js';
import {
  addUser,
  allEvents,
  bearer,
  caughtUp,
  contact,
  expectRejected,
  nominate,
  person,
  registerSite,
} from '../support/site-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

type Mail = { kind: string; userId: string; to: string | null; subject: string; body: string; status: string };

/**
 * Items 3, 4, 5 and 10 of "Site access, complete" over HTTP: approvers are told of requests and
 * reminded after 7 days, contact types pick recipients, contacts are reviewed monthly, people opt
 * out of optional e-mails, and a direct add welcomes the new member. Time-driven e-mails are made
 * due by the notice scheduler, run here at once on a TestClock moved forward.
 */
describe('Notices: approvers, reminders, recipients, contact reviews, subscriptions, welcomes (HTTP)', () => {
  let t: TestApp;
  const clock = new TestClock();
  const PAT = 'pat@example.com';
  const SAM = 'sam@example.com'; // secondary, manageAccess=update
  const VIC = 'vic@example.com'; // secondary, manageAccess=view, contactUpdates=update
  const UMA = 'uma@example.com'; // user

  const mailsOf = async (userId: string, kind?: string): Promise<Mail[]> => {
    await caughtUp(t);
    const res = await t.http
      .get('/v1/me/notifications?limit=100')
      .set('Authorization', await bearer(t, userId))
      .expect(200);
    return (res.body.items as Mail[]).filter((m) => kind === undefined || m.kind === kind);
  };
  const runDue = async () => {
    const recorded = await t.app.get(NoticeScheduler).runDue();
    await caughtUp(t);
    return recorded;
  };
  /** A sign-in "just now" on the app's clock (contact commands need one). */
  const freshly = (userId: string) => bearer(t, userId, { authTime: clock.nowSeconds() });

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await registerSite(t, '1001');
    await addUser(t, '1001', person(SAM, 'secondary', { manageAccess: 'update' }));
    await addUser(t, '1001', person(VIC, 'secondary', { manageAccess: 'view', contactUpdates: 'update' }));
    await addUser(t, '1001', person(UMA));
  });
  afterAll(() => t.close());

  describe('welcome e-mail on a direct add (item 10)', () => {
    it('tells the added person, at their own address, that they may sign in, with the confirmation number', async () => {
      const added = await addUser(t, '1001', { ...person('wes@example.com'), email: 'typo@elsewhere.example' });
      const [welcome, ...others] = await mailsOf('wes@example.com');
      expect(others).toEqual([]);
      expect(welcome).toMatchObject({
        kind: 'welcome',
        userId: 'wes@example.com',
        to: 'wes@example.com', // their sign-in id, never the address typed by the administrator
        status: 'queued',
        confirmationNumber: added.confirmationNumber,
        subject: 'Welcome to Passport Advantage site 1001 (Site 1001)',
      });
      expect(welcome!.body).toContain(`${PAT} added you to site 1001 (Site 1001) as a user.`);
      expect(welcome!.body).toContain('You may now sign in with your user id wes@example.com.');
      expect(welcome!.body).toContain(added.confirmationNumber);
    });
  });

  describe('approvers are told of a request, and reminded after 7 days (item 3)', () => {
    let niaRequest: string;

    it('e-mails the primary and each secondary with manageAccess=update once: who, what, justification, how', async () => {
      const before = { pat: await mailsOf(PAT), vic: await mailsOf(VIC), uma: await mailsOf(UMA) };
      const res = await nominate(t, '1001', 'nia@example.com', 'I order the media\nfor the Munich office');
      niaRequest = res.requestId;
      for (const approver of [PAT, SAM]) {
        const notices = await mailsOf(approver, 'access_request');
        expect(notices).toHaveLength(1);
        expect(notices[0]).toMatchObject({
          userId: approver,
          to: approver,
          status: 'queued',
          confirmationNumber: res.confirmationNumber,
          subject: 'Access request for Passport Advantage site 1001 (Site 1001)',
        });
        expect(notices[0]!.body).toContain(
          'nia@example.com asks for access to site 1001 (Site 1001) as user, with no privileges.',
        );
        expect(notices[0]!.body).toContain('as the requester wrote it: "I order the media for the Munich office"');
        expect(notices[0]!.body).toContain(`POST /v1/sites/1001/access-requests/${res.requestId}/grant`);
        expect(notices[0]!.body).toContain(`POST /v1/sites/1001/access-requests/${res.requestId}/deny`);
      }
      // vic may only view access, uma is a user: neither is asked to decide.
      expect(await mailsOf(VIC)).toEqual(before.vic);
      expect(await mailsOf(UMA)).toEqual(before.uma);
      expect((await mailsOf(PAT)).length).toBe(before.pat.length + 1);
    });

    it('reminds the approvers once when the request has waited 7 days, and never for a decided one', async () => {
      const ned = await nominate(t, '1001', 'ned@example.com', 'Curious about the renewals');
      await t.http
        .post(`/v1/sites/1001/access-requests/${ned.requestId}/deny`)
        .set('Authorization', await bearer(t, PAT))
        .send({ reason: 'Not an employee' })
        .expect(200);
      await runDue();
      expect(await mailsOf(PAT, 'access_request_reminder')).toEqual([]); // not 7 days yet

      clock.advance(7 * DAY + 60_000);
      await runDue();
      for (const approver of [PAT, SAM]) {
        const reminders = await mailsOf(approver, 'access_request_reminder');
        expect(reminders).toHaveLength(1);
        expect(reminders[0]!.subject).toBe(
          'Reminder: access request waiting for Passport Advantage site 1001 (Site 1001)',
        );
        expect(reminders[0]!.body).toContain('This request has waited 7 days for a decision');
        expect(reminders[0]!.body).toContain(`/v1/sites/1001/access-requests/${niaRequest}/grant`);
        expect(reminders[0]!.body).not.toContain('ned@example.com');
      }
      expect(await mailsOf(VIC, 'access_request_reminder')).toEqual([]);

      // Found due again (a later pass, a restart): nothing more is recorded or sent.
      const events = await allEvents(t);
      expect(await runDue()).toBe(0);
      expect(await allEvents(t)).toEqual(events);
      expect(await mailsOf(PAT, 'access_request_reminder')).toHaveLength(1);
      const recorded = events.filter((e) => e.type === 'AccessRequestReminderDue');
      expect(recorded.map((e) => [e.stream, e.metadata.actorId])).toEqual([
        [`notice-reminder-${niaRequest}`, 'system:scheduler'],
      ]);
    });
  });

  describe('contact types drive who receives what (item 4)', () => {
    it('answers the contacts of a type, or the primary contact with fallback primary_contact', async () => {
      const pat = await bearer(t, PAT);
      const billing = await t.http.get('/v1/sites/1001/recipients?type=billing').set('Authorization', pat).expect(200);
      expect(billing.body).toEqual({
        siteId: '1001',
        type: 'billing',
        fallback: 'primary_contact',
        recipients: [{ contactId: 'primary', userId: PAT, firstName: 'Pat', lastName: 'Primary', email: PAT }],
      });
      const summary = await t.http.get('/v1/sites/1001').set('Authorization', pat).expect(200);
      expect(summary.body.warnings).toEqual(
        expect.arrayContaining(['MISSING_CONTACT_TYPE:billing', 'MISSING_CONTACT_TYPE:renewal']),
      );

      const put = await t.http
        .put('/v1/sites/1001/contacts/billing-1')
        .set('Authorization', await freshly(PAT))
        .send({ ...contact('Bea', 'Billing', 'bea@example.com'), contactTypes: ['billing', 'renewal'] })
        .expect(200);
      const consistent = { 'X-Consistent-With': put.body.position };
      for (const type of ['billing', 'renewal']) {
        const res = await t.http
          .get(`/v1/sites/1001/recipients?type=${type}`)
          .set('Authorization', await bearer(t, VIC))
          .set(consistent)
          .expect(200);
        expect(res.body).toEqual({
          siteId: '1001',
          type,
          fallback: null,
          recipients: [{ contactId: 'billing-1', firstName: 'Bea', lastName: 'Billing', email: 'bea@example.com' }],
        });
      }
      const after = await t.http.get('/v1/sites/1001').set('Authorization', pat).set(consistent).expect(200);
      expect(after.body.warnings).not.toContain('MISSING_CONTACT_TYPE:billing');
      expect(after.body.warnings).not.toContain('MISSING_CONTACT_TYPE:renewal');
      expect(after.body.warnings).toContain('MISSING_CONTACT_TYPE:media_shipping');
    });

    it('shows recipients only to those who may view contacts; refuses an unknown type', async () => {
      const get = async (userId: string, query = 'type=billing', roles: ('operator' | 'auditor')[] = []) =>
        t.http.get(`/v1/sites/1001/recipients?${query}`).set('Authorization', await bearer(t, userId, { roles }));
      expect((await get(UMA)).status).toBe(403);
      expect((await get(SAM)).status).toBe(403); // manages access, but has no contact rights
      expect((await get('nina@example.com')).status).toBe(403);
      expect((await get('audrey@example.com', 'type=billing', ['auditor'])).status).toBe(200);
      expect((await get('op@example.com', 'type=billing', ['operator'])).status).toBe(200);
      const bad = await get(PAT, 'type=marketing');
      expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect((await get(PAT, '')).status).toBe(400);
      await t.http.get('/v1/sites/1001/recipients?type=billing').expect(401);
    });
  });

  describe('monthly contact review (item 4)', () => {
    it('marks a contact reviewed (fresh sign-in) and shows reviewedAt/reviewedBy', async () => {
      const res = await t.http
        .post('/v1/sites/1001/contacts/billing-1/review')
        .set('Authorization', await freshly(VIC))
        .expect(200);
      expect(res.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
      const list = await t.http
        .get('/v1/sites/1001/contacts')
        .set('Authorization', await bearer(t, PAT))
        .set('X-Consistent-With', res.body.position)
        .expect(200);
      const byId = Object.fromEntries(list.body.items.map((c: { contactId: string }) => [c.contactId, c]));
      expect(byId['billing-1']).toMatchObject({ reviewedAt: expect.any(String), reviewedBy: VIC });
      expect(byId.primary.reviewedAt).toBeUndefined();
      const confirmation = await t.http
        .get(`/v1/confirmations/${res.body.confirmationNumber}`)
        .set('Authorization', await bearer(t, PAT))
        .expect(200);
      expect(JSON.stringify(confirmation.body)).toContain('contact(billing-1).reviewedAt');
    });

    it('refuses a stale sign-in, people without contact rights, auditors, unknown contacts; records nothing', async () => {
      const review = (auth: string, contactId = 'billing-1') =>
        t.http.post(`/v1/sites/1001/contacts/${contactId}/review`).set('Authorization', auth);
      const stale = await bearer(t, PAT, { authTime: clock.nowSeconds() - 16 * 60 });
      await expectRejected(t, () => review(stale), 401, 'REAUTHENTICATION_REQUIRED');
      const [sam, uma, pat] = [await freshly(SAM), await freshly(UMA), await freshly(PAT)];
      await expectRejected(t, () => review(sam), 403, 'FORBIDDEN');
      await expectRejected(t, () => review(uma), 403, 'FORBIDDEN');
      const auditor = await bearer(t, 'audrey@example.com', { roles: ['auditor'], authTime: clock.nowSeconds() });
      await expectRejected(t, () => review(auditor), 403, 'FORBIDDEN');
      await expectRejected(t, () => review(pat, 'nobody'), 404, 'NOT_FOUND');
      await expectRejected(t, () => review(pat, 'bad id!'), 400, 'VALIDATION_FAILED');
      await expectRejected(t, () => t.http.post('/v1/sites/1001/contacts/billing-1/review'), 401, 'UNAUTHENTICATED');
    });

    it('e-mails the primary and contact-update secondaries once a month, listing contacts not reviewed for 30 days', async () => {
      clock.advance(40 * DAY);
      // Reviewed today (on the moved clock): billing-1 is current, only the primary's contact is due.
      await t.http
        .post('/v1/sites/1001/contacts/billing-1/review')
        .set('Authorization', await freshly(PAT))
        .expect(200);
      await caughtUp(t);
      await runDue();
      for (const reviewer of [PAT, VIC]) {
        const digests = await mailsOf(reviewer, 'contact_review');
        expect(digests).toHaveLength(1);
        expect(digests[0]!.subject).toMatch(/^Monthly contact review \(\d{4}-\d{2}\) for Passport Advantage site 1001/);
        expect(digests[0]!.body).toContain('- primary: Pat Primary (administrative), never reviewed');
        expect(digests[0]!.body).not.toContain('billing-1:');
        expect(digests[0]!.body).toContain('POST /v1/sites/1001/contacts/{contactId}/review');
      }
      expect(await mailsOf(SAM, 'contact_review')).toEqual([]); // no contact rights
      expect(await mailsOf(UMA, 'contact_review')).toEqual([]);

      // The same month again: nothing more.
      const events = await allEvents(t);
      expect(await runDue()).toBe(0);
      expect(await allEvents(t)).toEqual(events);
      expect(await mailsOf(PAT, 'contact_review')).toHaveLength(1);
      expect(
        events.filter((e) => e.type === 'ContactReviewDue' && e.stream.startsWith('notice-contact-review-1001-')),
      ).not.toHaveLength(0);
    });
  });

  describe('eNotification subscription (item 5)', () => {
    it('is on by default, opts out and in next to the address; a contact e-mail change never touches it', async () => {
      const sam = await bearer(t, SAM);
      const get = () => t.http.get('/v1/me/notification-preferences').set('Authorization', sam).expect(200);
      expect((await get()).body).toEqual({ userId: SAM, email: null, subscribed: true, updatedAt: null });
      const out = await t.http
        .put('/v1/me/notification-preferences')
        .set('Authorization', sam)
        .send({ subscribed: false })
        .expect(200);
      await caughtUp(t);
      expect((await get()).body).toEqual({
        userId: SAM,
        email: null,
        subscribed: false,
        updatedAt: expect.any(String),
      });
      expect(out.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
      const audited = await t.http
        .get(`/v1/confirmations/${out.body.confirmationNumber}`)
        .set('Authorization', await bearer(t, 'audrey@example.com', { roles: ['auditor'] }))
        .expect(200);
      expect(JSON.stringify(audited.body)).toContain('"field":"notificationSubscribed","from":true,"to":false');
      const both = await t.http
        .put('/v1/me/notification-preferences')
        .set('Authorization', sam)
        .send({ email: 'sam.alerts@example.com', subscribed: false })
        .expect(200);
      expect(both.body).toEqual({ confirmationNumber: expect.any(String), position: expect.any(String) });
      await caughtUp(t);
      // Sam's contact record changes its e-mail: his preferences stay as they are.
      await t.http
        .put('/v1/sites/1001/contacts/sam')
        .set('Authorization', await freshly(PAT))
        .send({ ...contact('Sam', 'Tester', 'sam.new@example.com'), contactTypes: ['media_shipping'], userId: SAM })
        .expect(200);
      await caughtUp(t);
      expect((await get()).body).toEqual({
        userId: SAM,
        email: 'sam.alerts@example.com',
        subscribed: false,
        updatedAt: expect.any(String),
      });
    });

    it('refuses an empty or malformed choice and records nothing', async () => {
      const sam = await bearer(t, SAM);
      const put = (body: object) => () =>
        t.http.put('/v1/me/notification-preferences').set('Authorization', sam).send(body);
      await expectRejected(t, put({}), 400, 'VALIDATION_FAILED');
      await expectRejected(t, put({ subscribed: 'no' }), 400, 'VALIDATION_FAILED');
      await expectRejected(t, put({ subscribed: null }), 400, 'VALIDATION_FAILED');
      const auditor = await bearer(t, 'audrey@example.com', { roles: ['auditor'] });
      await expectRejected(
        t,
        () => t.http.put('/v1/me/notification-preferences').set('Authorization', auditor).send({ subscribed: false }),
        403,
        'FORBIDDEN',
      );
    });

    it('sends an unsubscribed person no optional e-mails, but still the decisions about their own access', async () => {
      const approverBefore = await mailsOf(SAM, 'access_request');
      const primaryBefore = await mailsOf(PAT, 'access_request');
      await nominate(t, '1001', 'ola@example.com', 'I handle the renewals');
      expect(await mailsOf(PAT, 'access_request')).toHaveLength(primaryBefore.length + 1);
      expect(await mailsOf(SAM, 'access_request')).toEqual(approverBefore); // sam opted out

      // Someone who opted out before being added still gets the welcome (a decision about them).
      const zoe = await bearer(t, 'zoe@example.com');
      await t.http
        .put('/v1/me/notification-preferences')
        .set('Authorization', zoe)
        .send({ subscribed: false })
        .expect(200);
      await caughtUp(t);
      await addUser(t, '1001', person('zoe@example.com'));
      expect((await mailsOf('zoe@example.com')).map((m) => m.kind)).toEqual(['welcome']);
      // ... at the eNotification address when they set one.
      await t.http
        .put('/v1/me/notification-preferences')
        .set('Authorization', await bearer(t, 'yan@example.com'))
        .send({ email: 'yan.alerts@example.com' })
        .expect(200);
      await caughtUp(t);
      await addUser(t, '1001', person('yan@example.com'));
      expect((await mailsOf('yan@example.com')).map((m) => [m.kind, m.to])).toEqual([
        ['welcome', 'yan.alerts@example.com'],
      ]);
    });
  });
});
