// The bench's realistic history, made by the real Site decider (specs are outside the layer rules).
import { siteHistory } from '#cli/bench/site-history';
import type { SiteCommand } from './site.commands.js';
import { siteDecider } from './site.decider.js';
import type { SiteEvent } from './site.events.js';
import { siteSnapshot } from './site.snapshot.js';
import type { SiteState } from './site.state.js';
import { expectEventTypes, expectSameDecisions, plainState, throughSnapshot } from '#core/testing/snapshot-testing';

const SITE = '1234567';
const AT = '2026-01-02T00:00:00.000Z';
const operator = { userId: 'op@example.com', operator: true, auditor: false, authTime: AT };
const issue = (body: Record<string, unknown>) => ({ ...body, actor: operator, at: AT }) as SiteCommand;
const fold = (events: readonly SiteEvent[], from: SiteState = siteDecider.initialState()) =>
  events.reduce(siteDecider.evolve, from);

/** The stored shape: JSON in and out, through the registry, exactly as the pipeline reads events. */
const asStored = (events: readonly { type: string; data: object }[]): SiteEvent[] =>
  events.map((e) => siteDecider.read!({ type: e.type, data: JSON.parse(JSON.stringify(e.data)) as object })!);

/** 2,000 bench events, then commands producing the event types the bench does not. */
function history(): SiteEvent[] {
  const events = asStored([...siteHistory(SITE, 2000)].flat());
  const tail: Record<string, unknown>[] = [
    { type: 'ChangeUserAccess', userId: `user51@${SITE}.example`, role: 'user' },
    { type: 'RemoveUser', userId: `user9@${SITE}.example` },
    {
      type: 'AddUser',
      user: { userId: 'kim@example.com', firstName: 'Kim', lastName: 'Kay', email: 'kim.kay@mail.example' },
      role: 'user',
      privileges: { reporting: 'view', entitlements: 'view' },
    },
    {
      type: 'NominateSelf',
      requestId: 'r-late-1',
      firstName: 'Lia',
      lastName: 'Late',
      email: 'lia@example.com',
      businessJustification: 'Audit',
    },
    { type: 'EditNominationJustification', requestId: 'r-late-1', businessJustification: 'Quarterly audit' },
    { type: 'DenyAccess', requestId: 'r-late-1', reason: 'Not needed' },
    {
      type: 'NominateSelf',
      requestId: 'r-late-2',
      firstName: 'Mo',
      lastName: 'Pending',
      email: 'mo@example.com',
      businessJustification: 'Waiting',
      requestedRole: 'secondary',
      requestedPrivileges: { manageAccess: 'view', reporting: 'view' },
    },
    { type: 'ChangeMemberDetails', userId: 'kim@example.com', details: { lastName: 'Kay-Lee', telephone: '+1 555' } },
    { type: 'TransferPrimaryContact', userId: `user11@${SITE}.example`, formerPrimaryRole: 'user' },
    { type: 'RemoveContact', contactId: 'c3' },
  ];
  for (const body of tail) {
    // lia signs in with her address (a verified e-mail); mo with a plain id (none)
    const nominee = body.requestId === 'r-late-2' ? 'mo-without-address' : String(body.email);
    const actor = body.type === 'NominateSelf' ? { userId: nominee, operator: false, auditor: false } : operator;
    const decided = siteDecider.decide({ ...issue(body), actor } as SiteCommand, fold(events));
    expect(decided.length).toBeGreaterThan(0);
    events.push(...asStored(decided));
  }
  return events;
}

describe('siteSnapshot', () => {
  const events = history();
  const full = fold(events);

  it('covers every site event type (the comparison below is not vacuous)', () => {
    expectEventTypes(events, [
      'SiteRegistered',
      'UserAdded',
      'PrivilegesChanged',
      'UserNominated',
      'AccessGranted',
      'ContactUpdated',
      'RoleChanged',
      'UserRemoved',
      'NominationJustificationEdited',
      'AccessDenied',
      'PrimaryContactTransferred',
      'ContactRemoved',
      'MemberDetailsChanged',
    ]);
    expect(full.members.size).toBeGreaterThan(300);
    expect(full.pendingByUser.size).toBeGreaterThan(0);
    const requests = [...full.requests.values()];
    expect(
      requests.some((r) => r.verifiedEmail !== undefined) && requests.some((r) => r.verifiedEmail === undefined),
    ).toBe(true);
    expect(requests.some((r) => r.originalJustification !== r.businessJustification)).toBe(true);
    expect([...full.members.values()].some((m) => m.email !== m.userId)).toBe(true);
    expect([...full.members.values()].some((m) => m.telephone !== undefined)).toBe(true);
    expect(
      requests.some((r) => r.requestedRole === 'secondary') && requests.some((r) => r.requestedRole === 'user'),
    ).toBe(true);
  });

  it.each([0, 1, 2, 17, 999, 1500, 2003, events.length])(
    'state restored from a snapshot after %i events + the tail equals the full fold',
    (split) => {
      const restored = fold(events.slice(split), throughSnapshot(siteSnapshot, fold(events.slice(0, split))));
      expect(plainState(restored)).toEqual(plainState(full));
    },
  );

  it('a restored state decides exactly as the full fold, refusals included', () => {
    const restored = throughSnapshot(siteSnapshot, fold(events.slice(0, 1200)));
    const continued = fold(events.slice(1200), restored);
    const commands = [
      issue({
        type: 'AddUser',
        user: { userId: 'new@example.com', firstName: 'N', lastName: 'New', email: 'new@example.com' },
        role: 'user',
        privileges: { reporting: 'view' },
      }),
      issue({
        type: 'AddUser',
        user: { userId: `user3@${SITE}.example`, firstName: 'U', lastName: 'Again', email: 'u@example.com' },
        role: 'user',
        privileges: {},
      }),
      issue({ type: 'GrantAccess', requestId: 'r-late-2', role: 'user', privileges: { softwareAccess: 'downloads' } }),
      issue({ type: 'GrantAccess', requestId: 'r-late-2' }),
      issue({ type: 'ChangeMemberDetails', userId: 'kim@example.com', details: { telephone: '+1 555' } }),
      issue({ type: 'ChangeUserAccess', userId: `user21@${SITE}.example`, role: 'secondary' }),
      issue({ type: 'RemoveUser', userId: 'nobody@example.com' }),
    ];
    expectSameDecisions(siteDecider.decide, continued, full, commands);
  });

  it('refuses what is not a site snapshot (the pipeline then folds the whole stream)', () => {
    expect(() => siteSnapshot.fromJson(null)).toThrow(/site snapshot/);
    expect(() => siteSnapshot.fromJson({ total: 3 })).toThrow(/site snapshot/);
    // Values are built only when first read, so a damaged column must be refused now, not in a later decision.
    const json = JSON.parse(JSON.stringify(siteSnapshot.toJson(full))) as {
      members: Record<string, unknown[]>;
      requests: Record<string, unknown[]>;
    };
    const damaged = (change: (copy: typeof json) => void) => {
      const copy = structuredClone(json);
      change(copy);
      return () => siteSnapshot.fromJson(copy);
    };
    expect(damaged(() => undefined)).not.toThrow();
    expect(damaged((c) => delete c.members.telephone)).toThrow(/column/);
    expect(damaged((c) => c.requests.requestedRole!.pop())).toThrow(/column/);
    expect(damaged((c) => (c.members.privileges![0] = 999))).toThrow(/privileges/);
    expect(Number.isInteger(siteSnapshot.version) && siteSnapshot.version > 0).toBe(true);
  });
});
