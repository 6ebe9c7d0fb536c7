import { PersistentMap as ImmutableMap, type SnapshotCodec } from '../../../core/src/index.js';
import type { Contact } from './contact.js';
import type { Privileges } from './privileges.js';
import type { AccessRequest, Member, SiteState } from './site.state.js';

/**
 * A big site holds tens of thousands of members and requests, and a cold command pays for parsing
 * and rebuilding all of them: they are kept as rows (arrays, not objects), with `null` for a value
 * that repeats another (an e-mail equal to the user id) and each distinct privileges object once.
 */
type MemberRow = [key: string, userId: string | null, firstName: string, lastName: string, email: string | null, role: Member['role'], privileges: number];
type RequestRow = [
  key: string,
  requestId: string | null,
  userId: string,
  firstName: string,
  lastName: string,
  email: string | null,
  status: AccessRequest['status'],
  businessJustification: string,
  originalJustification: string | null,
  verifiedEmail: string | null,
];

interface SiteSnapshotJson {
  readonly exists: boolean;
  readonly siteId: string;
  readonly name: string;
  readonly privileges: Privileges[];
  readonly members: MemberRow[];
  readonly requests: RequestRow[];
  readonly contacts: [string, Contact][];
  readonly pendingByUser: [string, string][];
  readonly primaryUserId: string | null;
  readonly secondaryCount: number;
}

/**
 * Site state to and from a snapshot; every map keeps its iteration order. Bump `version`
 * whenever SiteState's shape or meaning changes (older snapshots are then ignored).
 */
export const siteSnapshot: SnapshotCodec<SiteState> = {
  version: 1,
  toJson: (state): SiteSnapshotJson => {
    const privileges = interner<Privileges>();
    const members = [...state.members.entries()].map(([key, m]): MemberRow => [
      key, m.userId === key ? null : m.userId, m.firstName, m.lastName, m.email === m.userId ? null : m.email, m.role, privileges.indexOf(m.privileges),
    ]);
    const requests = [...state.requests.entries()].map(([key, r]): RequestRow => [
      key,
      r.requestId === key ? null : r.requestId,
      r.userId,
      r.firstName,
      r.lastName,
      r.email === r.userId ? null : r.email,
      r.status,
      r.businessJustification,
      r.originalJustification === r.businessJustification ? null : r.originalJustification,
      r.verifiedEmail ?? null,
    ]);
    return {
      exists: state.exists,
      siteId: state.siteId,
      name: state.name,
      privileges: privileges.values,
      members,
      requests,
      contacts: [...state.contacts.entries()],
      pendingByUser: [...state.pendingByUser.entries()],
      primaryUserId: state.primaryUserId,
      secondaryCount: state.secondaryCount,
    };
  },
  fromJson: (json) => {
    const s = json as SiteSnapshotJson;
    if (typeof s !== 'object' || s === null || typeof s.exists !== 'boolean' || !Array.isArray(s.members) || !Array.isArray(s.privileges)) {
      throw new Error('not a site snapshot');
    }
    // Shared between members: state objects are never mutated (evolve copies what it changes).
    const privileges = s.privileges.map((p) => Object.freeze(p));
    const members = ImmutableMap<string, Member>().withMutations((map) => {
      for (const [key, userId, firstName, lastName, email, role, p] of s.members) {
        const id = userId ?? key;
        map.set(key, { userId: id, firstName, lastName, email: email ?? id, role, privileges: privileges[p] });
      }
    });
    const requests = ImmutableMap<string, AccessRequest>().withMutations((map) => {
      for (const [key, requestId, userId, firstName, lastName, email, status, businessJustification, original, verifiedEmail] of s.requests) {
        map.set(key, {
          userId, firstName, lastName, email: email ?? userId, requestId: requestId ?? key, status, businessJustification,
          originalJustification: original ?? businessJustification, ...(verifiedEmail === null ? {} : { verifiedEmail }),
        });
      }
    });
    return {
      exists: s.exists,
      siteId: s.siteId,
      name: s.name,
      members,
      requests,
      contacts: ImmutableMap(s.contacts),
      pendingByUser: ImmutableMap(s.pendingByUser),
      primaryUserId: s.primaryUserId,
      secondaryCount: s.secondaryCount,
    };
  },
};

/** Numbers each distinct value (by its JSON) in the order first seen. */
function interner<T>() {
  const values: T[] = [];
  const byIdentity = new Map<T, number>();
  const byJson = new Map<string, number>();
  return {
    values,
    indexOf(value: T): number {
      const known = byIdentity.get(value);
      if (known !== undefined) return known;
      const text = JSON.stringify(value);
      let index = byJson.get(text);
      if (index === undefined) {
        index = values.push(value) - 1;
        byJson.set(text, index);
      }
      byIdentity.set(value, index);
      return index;
    },
  };
}
