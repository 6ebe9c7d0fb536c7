import type { RecordedEvent } from '#core';
import { describeSiteEvent } from '../../application/site-audit.js';
import { type SiteEvent, siteEvents } from '../../domain/site.events.js';
import { evolveSite, initialSiteState } from '../../domain/site.state.js';
import type { LastChange, MemberDocument } from '../../projections/read-models.js';

/** A member as the members read model holds them, less what only the live model knows. */
export type MemberAsOf = Omit<MemberDocument, '_id' | 'siteId' | 'siteName' | 'position'>;

/** Payload paths where a site event names a person: a replay for one person reads only these. */
export const SITE_PERSON_PATHS = ['userId', 'primary.userId', 'from.userId', 'to.userId'] as const;

/**
 * Who had access to a site after exactly these events (a replay up to an instant), with who granted
 * it, when, and under which confirmation number — straight from the event record.
 */
export function membersAsOf(events: readonly RecordedEvent[]): { exists: boolean; members: MemberAsOf[] } {
  let state = initialSiteState();
  const grants = new Map<string, Pick<MemberAsOf, 'grantedBy' | 'grantedAt' | 'confirmationNumber'>>();
  const lastChanges = new Map<string, LastChange>();
  for (const recorded of events) {
    const event = siteEvents.read(recorded);
    if (!event) continue;
    const grant = {
      grantedBy: recorded.metadata.actorId,
      grantedAt: recorded.metadata.occurredAt,
      confirmationNumber: recorded.metadata.confirmationNumber,
    };
    // A person's replay may start mid-stream (only their events): evolve needs the site to exist.
    if (!state.exists && event.type !== 'SiteRegistered') state = { ...state, exists: true, siteId: event.data.siteId };
    state = evolveSite(state, event);
    if (event.type === 'SiteRegistered') grants.set(event.data.primary.userId, grant);
    if (event.type === 'UserAdded' || event.type === 'AccessGranted') grants.set(event.data.userId, grant);
    if (event.type === 'UserRemoved') grants.delete(event.data.userId);
    const change = {
      lastChangedAt: grant.grantedAt,
      lastChangedBy: grant.grantedBy,
      lastConfirmationNumber: grant.confirmationNumber,
    };
    for (const userId of membershipsChangedBy(event)) lastChanges.set(userId, change);
  }
  const members = [...state.members.values()]
    .filter((m) => m.userId !== undefined && grants.has(m.userId))
    .map((m) => ({
      userId: m.userId,
      firstName: m.firstName,
      lastName: m.lastName,
      email: m.email,
      role: m.role,
      ...(m.telephone !== undefined ? { telephone: m.telephone } : {}),
      privileges: { ...m.privileges },
      ...grants.get(m.userId)!,
      ...lastChanges.get(m.userId)!,
    }))
    .sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.userId.localeCompare(b.userId),
    );
  return { exists: state.exists, members };
}

/** The members whose membership (grant, role, privileges, details) an event changes. */
function membershipsChangedBy(event: SiteEvent): string[] {
  switch (event.type) {
    case 'SiteRegistered':
      return [event.data.primary.userId];
    case 'UserAdded':
    case 'AccessGranted':
    case 'RoleChanged':
    case 'PrivilegesChanged':
    case 'MemberDetailsChanged':
      return [event.data.userId];
    case 'PrimaryContactTransferred':
      return [event.data.from.userId, event.data.to.userId];
    default:
      return [];
  }
}

export interface HistoryItem {
  occurredAt: string;
  action: string;
  actorId: string;
  confirmationNumber: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

/** One person's access timeline on a site, oldest first: one item per transaction (confirmation number). */
export function accessHistory(events: readonly RecordedEvent[]): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (const recorded of events) {
    const event = siteEvents.read(recorded);
    const changes = event ? describeSiteEvent(event).changes : [];
    const last = items.at(-1);
    if (last && last.confirmationNumber === recorded.metadata.confirmationNumber) {
      last.changes.push(...changes);
      continue;
    }
    const { occurredAt, command: action, actorId, confirmationNumber } = recorded.metadata;
    items.push({ occurredAt, action, actorId, confirmationNumber, changes: [...changes] });
  }
  return items;
}
