import { PersistentMap as ImmutableMap, LayeredMap, type SnapshotCodec } from '#core';
import type { Contact } from './contact.js';
import type { Privileges } from './privileges.js';
import type { AccessRequest, Member, SiteState } from './site.state.js';

/**
 * A big site holds tens of thousands of members and requests, and a cold command pays for parsing
 * and rebuilding all of them, before the JIT has warmed up. So they are kept as columns (one array
 * per field: few objects for JSON.parse to allocate), `null` where a value repeats another (an
 * e-mail equal to the user id), and each distinct privileges object once.
 */
interface MemberColumns {
  readonly key: string[];
  readonly userId: (string | null)[];
  readonly firstName: string[];
  readonly lastName: string[];
  readonly email: (string | null)[];
  readonly role: Member['role'][];
  readonly privileges: number[];
  readonly telephone: (string | null)[];
}

interface RequestColumns {
  readonly key: string[];
  readonly requestId: (string | null)[];
  readonly userId: string[];
  readonly firstName: string[];
  readonly lastName: string[];
  readonly email: (string | null)[];
  readonly status: AccessRequest['status'][];
  readonly businessJustification: string[];
  readonly originalJustification: (string | null)[];
  readonly verifiedEmail: (string | null)[];
  readonly requestedRole: AccessRequest['requestedRole'][];
  /** Indexes into the snapshot's privileges, like the members'. */
  readonly requestedPrivileges: number[];
}

interface SiteSnapshotJson {
  readonly exists: boolean;
  readonly siteId: string;
  readonly name: string;
  readonly privileges: Privileges[];
  readonly members: MemberColumns;
  readonly requests: RequestColumns;
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
  version: 2,
  toJson: (state): SiteSnapshotJson => {
    const privileges = interner<Privileges>();
    const members: MemberColumns = {
      key: [],
      userId: [],
      firstName: [],
      lastName: [],
      email: [],
      role: [],
      privileges: [],
      telephone: [],
    };
    for (const [key, m] of state.members) {
      members.key.push(key);
      members.userId.push(m.userId === key ? null : m.userId);
      members.firstName.push(m.firstName);
      members.lastName.push(m.lastName);
      members.email.push(m.email === m.userId ? null : m.email);
      members.role.push(m.role);
      members.privileges.push(privileges.indexOf(m.privileges));
      members.telephone.push(m.telephone ?? null);
    }
    const requests: RequestColumns = {
      key: [],
      requestId: [],
      userId: [],
      firstName: [],
      lastName: [],
      email: [],
      status: [],
      businessJustification: [],
      originalJustification: [],
      verifiedEmail: [],
      requestedRole: [],
      requestedPrivileges: [],
    };
    for (const [key, r] of state.requests) {
      requests.key.push(key);
      requests.requestId.push(r.requestId === key ? null : r.requestId);
      requests.userId.push(r.userId);
      requests.firstName.push(r.firstName);
      requests.lastName.push(r.lastName);
      requests.email.push(r.email === r.userId ? null : r.email);
      requests.status.push(r.status);
      requests.businessJustification.push(r.businessJustification);
      requests.originalJustification.push(
        r.originalJustification === r.businessJustification ? null : r.originalJustification,
      );
      requests.verifiedEmail.push(r.verifiedEmail ?? null);
      requests.requestedRole.push(r.requestedRole);
      requests.requestedPrivileges.push(privileges.indexOf(r.requestedPrivileges));
    }
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
    /** A cell of a column; a short column means the snapshot is not readable (the pipeline then folds the stream). */
    const cell = <T>(column: readonly T[], i: number): T => {
      const value = column[i];
      if (value === undefined) throw new Error('not a site snapshot: a column is shorter than its keys');
      return value;
    };
    const s = json as SiteSnapshotJson;
    if (
      typeof s !== 'object' ||
      s === null ||
      typeof s.exists !== 'boolean' ||
      !Array.isArray(s.members?.key) ||
      !Array.isArray(s.requests?.key)
    ) {
      throw new Error('not a site snapshot');
    }
    // Shared between members: state objects are never mutated (evolve copies what it changes).
    const privileges = s.privileges.map((p) => Object.freeze(p));
    const m = s.members;
    // Plain maps under LayeredMaps: restoring costs no hash trie per member (the cold command's price).
    const memberMap = new Map<string, Member>();
    for (let i = 0; i < m.key.length; i++) {
      const userId = cell(m.userId, i) ?? cell(m.key, i);
      const telephone = cell(m.telephone, i);
      memberMap.set(cell(m.key, i), {
        userId,
        firstName: cell(m.firstName, i),
        lastName: cell(m.lastName, i),
        email: cell(m.email, i) ?? userId,
        ...(telephone !== null ? { telephone } : {}),
        role: cell(m.role, i),
        privileges: cell(privileges, cell(m.privileges, i)),
      });
    }
    const r = s.requests;
    const requestMap = new Map<string, AccessRequest>();
    for (let i = 0; i < r.key.length; i++) {
      const request: AccessRequest = {
        userId: cell(r.userId, i),
        firstName: cell(r.firstName, i),
        lastName: cell(r.lastName, i),
        email: cell(r.email, i) ?? cell(r.userId, i),
        requestId: cell(r.requestId, i) ?? cell(r.key, i),
        status: cell(r.status, i),
        businessJustification: cell(r.businessJustification, i),
        originalJustification: cell(r.originalJustification, i) ?? cell(r.businessJustification, i),
        requestedRole: cell(r.requestedRole, i),
        requestedPrivileges: cell(privileges, cell(r.requestedPrivileges, i)),
      };
      const verifiedEmail = cell(r.verifiedEmail, i);
      requestMap.set(cell(r.key, i), verifiedEmail === null ? request : { ...request, verifiedEmail });
    }
    return {
      exists: s.exists,
      siteId: s.siteId,
      name: s.name,
      members: LayeredMap.over(memberMap),
      requests: LayeredMap.over(requestMap),
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
