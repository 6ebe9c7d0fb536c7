import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, type NewEvent, eventHash, newConfirmationNumber } from '#core';
import type { EventStore } from '#event-store';
import type { SiteCommand } from '#site-access/domain/site.commands';
import { siteDecider } from '#site-access/domain/site.decider';
import type { SiteState } from '#site-access/domain/site.state';
import { siteStream } from '#site-access/domain/site.streams';

const contact = { telephone: '+49 89 1234', address: 'Main Street 1', city: 'Munich', postalCode: '80331' };
const operator = { userId: 'op@example.com', operator: true, auditor: false };

/**
 * A realistic site history made by the real Site decider: registration, users added, privileges
 * changed back and forth, self-nominations granted, contacts updated. `size` events in total.
 */
export function* siteHistory(
  siteId: string,
  size: number,
  start = Date.parse('2026-01-01T00:00:00Z'),
): Generator<NewEvent[]> {
  let state: SiteState = siteDecider.initialState();
  let hash = GENESIS_HASH;
  let produced = 0;
  let step = 0;
  const primary = { userId: `primary@${siteId}.example`, operator: false, auditor: false, authTime: '' };
  while (produced < size) {
    const at = new Date(start + step * 1000).toISOString();
    primary.authTime = at;
    const command = nextCommand(siteId, step, state, primary, at);
    const decided = siteDecider.decide(command, state);
    step += 1;
    if (decided.length === 0) continue;
    const confirmationNumber = newConfirmationNumber();
    const batch: NewEvent[] = decided.slice(0, size - produced).map((event) => {
      const metadata = {
        actorId: command.actor.userId,
        occurredAt: at,
        correlationId: randomUUID(),
        causationId: randomUUID(),
        command: command.type,
        confirmationNumber,
      };
      hash = eventHash(hash, { type: event.type, data: event.data, metadata });
      return { id: randomUUID(), type: event.type, data: event.data, metadata: { ...metadata, hash } };
    });
    state = decided.reduce(siteDecider.evolve, state);
    produced += batch.length;
    yield batch;
  }
}

function nextCommand(
  siteId: string,
  step: number,
  _state: SiteState,
  primary: SiteCommand['actor'],
  at: string,
): SiteCommand {
  if (step === 0) {
    return {
      type: 'RegisterSite',
      actor: operator,
      at,
      siteId,
      name: `Site ${siteId}`,
      contactId: 'primary',
      contactTypes: ['administrative'],
      primary: { userId: primary.userId, firstName: 'Pat', lastName: 'Primary', email: primary.userId, ...contact },
    };
  }
  const round = step + 3; // round 4 is the first after registration: add user1, change user1, ...
  const n = Math.floor(round / 4);
  const user = `user${n}@${siteId}.example`;
  switch (round % 4) {
    case 0:
      return {
        type: 'AddUser',
        actor: primary,
        at,
        user: { userId: user, firstName: 'Uma', lastName: `User ${n}`, email: user },
        role: n % 50 === 1 && n < 200 ? 'secondary' : 'user',
        privileges: { softwareAccess: 'downloads' },
      };
    case 1:
      return {
        type: 'ChangeUserAccess',
        actor: primary,
        at,
        userId: user,
        privileges:
          n % 2 ? { softwareAccess: 'downloads_media', reporting: 'view' } : { softwareAccess: 'downloads_media' },
      };
    case 2: {
      // odd rounds nominate someone, even rounds grant the previous round's request
      const requestId = (round: number) => `00000000-0000-4000-8000-${String(round).padStart(12, '0')}`;
      if (n % 2 === 0)
        return { type: 'GrantAccess', actor: primary, at, requestId: requestId(n - 1), role: 'user', privileges: {} };
      const nominee = `nominee${n}@${siteId}.example`;
      return {
        type: 'NominateSelf',
        actor: { userId: nominee, operator: false, auditor: false },
        at,
        requestId: requestId(n),
        firstName: 'Nia',
        lastName: `N ${n}`,
        email: nominee,
        businessJustification: 'I need the software downloads',
      };
    }
    default:
      return {
        type: 'UpdateContact',
        actor: primary,
        at,
        contactId: `c${n % 10}`,
        contact: { firstName: 'Cy', lastName: `Contact ${n}`, email: `c${n}@${siteId}.example`, ...contact },
        contactTypes: ['billing'],
      };
  }
}

/** Writes a site history of `size` events in chunks of whole commands: setting up is not what is measured. */
export async function seedSite(store: EventStore, siteId: string, size: number, chunkSize = 5000): Promise<void> {
  let revision = -1;
  let chunk: NewEvent[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    revision = (await store.append(siteStream.of(siteId), chunk, revision < 0 ? 'no_stream' : revision)).nextRevision;
    chunk = [];
  };
  for (const batch of siteHistory(siteId, size)) {
    chunk.push(...batch);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
}
