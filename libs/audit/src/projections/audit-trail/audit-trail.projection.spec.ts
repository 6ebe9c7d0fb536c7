import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, randomIds, secretDigest, systemClock } from '#core';
import { CommandPipeline, SqliteEventStore, newCommandMeta } from '#event-store';
import type { EnterpriseCommand } from '#partner-profile/domain/enterprise.commands';
import { enterpriseDecider } from '#partner-profile/domain/enterprise.decider';
import { expectIdempotent } from '#read-store/testing/projection-testing';
import type { SiteCommand } from '#site-access/domain/site.commands';
import { siteDecider } from '#site-access/domain/site.decider';
import { enterpriseAuditDescriber } from '#partner-profile/application/enterprise-audit';
import { siteAuditDescriber } from '#site-access/application/site-audit';
import { MAX_EVENTS_PER_ENTRY, auditDetails } from '../../audit-details.js';
import { AuditDescribers } from '../../describe-event.js';
import { AUDIT_COLLECTION, type AuditEntryDocument, AuditTrailProjection } from './audit-trail.projection.js';
import { enterpriseStream } from '#partner-profile/domain/enterprise.streams';
import { siteStream } from '#site-access/domain/site.streams';

const DESCRIBERS = new AuditDescribers([siteAuditDescriber, enterpriseAuditDescriber]);

const contact = { telephone: '1', address: 'a', city: 'c', postalCode: '1' };
const person = (userId: string, extra: object = {}) => ({ userId, operator: false, auditor: false, ...extra });

describe('AuditTrailProjection (events recorded by the real pipeline on SQLite)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let events: RecordedEvent[];
  const confirmation: Record<string, string> = {};
  /** The entry with the details the queries derive from its events, read back from the store. */
  const detailed = async (entry: AuditEntryDocument) => {
    const recorded = await store.readStream(entry.stream, {
      fromRevision: entry.fromRevision,
      maxCount: Math.min(entry.eventCount, MAX_EVENTS_PER_ENTRY),
    });
    return { ...entry, ...auditDetails(recorded, entry.eventCount, DESCRIBERS) };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-trail-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const pipeline = new CommandPipeline(store);
    const site = async (label: string, body: object, actor: SiteCommand['actor']) => {
      const command = { ...body, actor, at: new Date().toISOString() } as SiteCommand;
      const outcome = await pipeline.execute({
        stream: siteStream.of('1001'),
        decider: siteDecider,
        command,
        meta: newCommandMeta({ commandName: command.type, actorId: actor.userId }, systemClock, randomIds),
      });
      if (outcome.changed) confirmation[label] = outcome.confirmationNumber;
    };
    const enterprise = async (label: string, body: object, actorId: string) => {
      const command = { ...body, actor: { userId: actorId }, at: new Date().toISOString() } as EnterpriseCommand;
      const outcome = await pipeline.execute({
        stream: enterpriseStream.of('ent-1'),
        decider: enterpriseDecider,
        command,
        meta: newCommandMeta({ commandName: command.type, actorId }, systemClock, randomIds),
      });
      if (outcome.changed) confirmation[label] = outcome.confirmationNumber;
    };
    await site(
      'register',
      {
        type: 'RegisterSite',
        siteId: '1001',
        name: 'Acme',
        contactId: 'primary',
        contactTypes: ['administrative'],
        primary: { userId: 'pat', firstName: 'Pat', lastName: 'P', email: 'pat@example.com', ...contact },
      },
      person('op', { operator: true }),
    );
    await site(
      'nominate',
      {
        type: 'NominateSelf',
        requestId: 'r1',
        firstName: 'Nia',
        lastName: 'N',
        email: 'nia@example.com',
        businessJustification: 'I need the downloads',
      },
      person('nia'),
    );
    await site(
      'grant',
      {
        type: 'GrantAccess',
        requestId: 'r1',
        role: 'user',
        privileges: { softwareAccess: 'downloads' },
        businessJustification: 'Nia, Munich media team',
      },
      person('pat'),
    );
    await site('transfer', { type: 'TransferPrimaryContact', userId: 'nia', formerPrimaryRole: 'user' }, person('pat'));
    await enterprise(
      'enterprise',
      {
        type: 'RegisterEnterprise',
        enterpriseId: 'ent-1',
        name: 'Acme Partners',
        countryEnterpriseId: 'ce-us',
        countryEnterpriseName: 'Acme US',
        location: {
          locationId: 'loc-1',
          name: 'HQ',
          address: 'a',
          city: 'c',
          postalCode: '1',
          country: 'US',
          partnerTier: 2,
          companyTokenDigest: secretDigest('first'),
        },
        employee: { firstName: 'Paula', lastName: 'P', email: 'paula@example.com' },
      },
      'paula',
    );
    await enterprise(
      'rotate',
      { type: 'RotateCompanyToken', locationId: 'loc-1', companyTokenDigest: secretDigest('second') },
      'paula',
    );
    events = await store.readAll({ limit: 100_000 });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one entry per confirmation number, whatever the replay (every event fed twice)', async () => {
    const documents = await expectIdempotent(new AuditTrailProjection(DESCRIBERS), events);
    const entries = await documents
      .collection<AuditEntryDocument>(AUDIT_COLLECTION)
      .find({}, { sort: { position: 1 } });
    expect(entries.map((e) => e.confirmationNumber)).toEqual(Object.values(confirmation));
    expect(entries.reduce((n, e) => n + e.eventCount, 0)).toBe(events.length);
    const details = await Promise.all(entries.map(detailed));
    expect(details.flatMap((e) => e.events.map((x) => x.type))).toEqual(events.map((e) => e.type));
    expect(entries.every((e) => !('events' in e) && !('changes' in e) && !('eventIds' in e))).toBe(true);
  });

  it("merges a command's events into one entry with its scope, target, changes and justification", async () => {
    const documents = await expectIdempotent(new AuditTrailProjection(DESCRIBERS), events);
    const grant = await detailed(
      (await documents.collection<AuditEntryDocument>(AUDIT_COLLECTION).findOne({ _id: confirmation.grant }))!,
    );
    expect(grant).toMatchObject({
      action: 'GrantAccess',
      actorId: 'pat',
      scope: { siteId: '1001' },
      targetUserId: 'nia',
      targetUserIds: ['nia'],
      justification: 'Nia, Munich media team',
    });
    expect(grant.events.map((e) => e.type)).toEqual(['NominationJustificationEdited', 'AccessGranted']);
    expect(grant.changes).toEqual([
      { field: 'businessJustification', from: 'I need the downloads', to: 'Nia, Munich media team' },
      { field: 'request', from: 'pending', to: 'granted' },
      { field: 'role', from: null, to: 'user' },
      { field: 'privileges.softwareAccess', from: 'none', to: 'downloads' },
      // requested (the nomination asked for plain user access) versus granted
      { field: 'requested.role', from: 'user', to: 'user' },
      { field: 'requested.privileges.softwareAccess', from: 'none', to: 'downloads' },
    ]);
    const transfer = await detailed(
      (await documents.collection<AuditEntryDocument>(AUDIT_COLLECTION).findOne({ _id: confirmation.transfer }))!,
    );
    expect(transfer.targetUserIds).toEqual(['nia', 'pat']);
    expect(transfer.changes).toEqual([
      { field: 'role(nia)', from: 'user', to: 'primary' },
      { field: 'role(pat)', from: 'primary', to: 'user' },
    ]);
  });

  it('scopes enterprise entries to their location and never shows a token digest', async () => {
    const documents = await expectIdempotent(new AuditTrailProjection(DESCRIBERS), events);
    const audit = documents.collection<AuditEntryDocument>(AUDIT_COLLECTION);
    const registered = (await audit.findOne({ _id: confirmation.enterprise }))!;
    expect(registered.scope).toEqual({ enterpriseId: 'ent-1', locationId: 'loc-1' });
    expect(registered.targetUserIds).toEqual(['paula']);
    const rotated = await detailed((await audit.findOne({ _id: confirmation.rotate }))!);
    expect(rotated.events).toEqual([
      {
        type: 'CompanyTokenRotated',
        data: { enterpriseId: 'ent-1', locationId: 'loc-1', companyTokenDigest: '(redacted)', rotatedBy: 'paula' },
      },
    ]);
    const everything = JSON.stringify(await Promise.all((await audit.find({})).map(detailed)));
    expect(everything).not.toContain(secretDigest('first'));
    expect(everything).not.toContain(secretDigest('second'));
  });

  it('bounds an entry: past MAX_EVENTS_PER_ENTRY events are counted, not read nor shown, and a replay changes nothing', async () => {
    // One transaction of 130 events (more than any command records), as a runaway writer might append.
    const base = events.find((e) => e.type === 'UserNominated')!;
    const runaway = Array.from({ length: 130 }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: base.type,
      data: base.data,
      metadata: { ...base.metadata, confirmationNumber: 'RUNA-WAYT-XN00' },
    }));
    await store.append(siteStream.of('runaway'), runaway, 'no_stream');
    const recorded = await store.readStream(siteStream.of('runaway'));
    const documents = await expectIdempotent(new AuditTrailProjection(DESCRIBERS), recorded);
    const entry = (await documents
      .collection<AuditEntryDocument>(AUDIT_COLLECTION)
      .findOne({ _id: 'RUNA-WAYT-XN00' }))!;
    expect(entry).toMatchObject({ stream: siteStream.of('runaway'), fromRevision: 0, eventCount: 130 });
    const details = await detailed(entry);
    expect({
      events: details.events.length,
      omittedEvents: details.omittedEvents,
      changes: details.changes.length,
      omittedChanges: details.omittedChanges,
    }).toEqual({
      events: MAX_EVENTS_PER_ENTRY,
      omittedEvents: 30,
      // each nomination records two changes (request → pending, requested.role): those of the events shown
      changes: 2 * MAX_EVENTS_PER_ENTRY,
      omittedChanges: undefined,
    });
  });
});
