import { PersistentMap as ImmutableMap, LayeredMap, LazyMap, type SnapshotCodec } from '#core';
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

/** The names of every column of C: a column added to C but not listed here does not compile. */
const allColumns =
  <C>() =>
  <const N extends readonly (keyof C & string)[]>(
    names: N,
    ..._missing: Exclude<keyof C, N[number]> extends never ? [] : [missing: Exclude<keyof C, N[number]>]
  ): N =>
    names;
/** Every column a snapshot must carry (a value is read from each when it is first needed). */
const MEMBER_COLUMNS = allColumns<MemberColumns>()([
  'key',
  'userId',
  'firstName',
  'lastName',
  'email',
  'role',
  'privileges',
  'telephone',
]);
const REQUEST_COLUMNS = allColumns<RequestColumns>()([
  'key',
  'requestId',
  'userId',
  'firstName',
  'lastName',
  'email',
  'status',
  'businessJustification',
  'originalJustification',
  'verifiedEmail',
  'requestedRole',
  'requestedPrivileges',
]);

/** Whether every named column is an array as long as the keys. */
const complete = (columns: object, names: readonly string[]): boolean => {
  const record = columns as Record<string, unknown>;
  const keys = record.key;
  return (
    Array.isArray(keys) &&
    names.every((name) => Array.isArray(record[name]) && (record[name] as unknown[]).length === keys.length)
  );
};

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
    const s = json as SiteSnapshotJson;
    if (
      typeof s !== 'object' ||
      s === null ||
      typeof s.exists !== 'boolean' ||
      !Array.isArray(s.members?.key) ||
      !Array.isArray(s.requests?.key) ||
      !Array.isArray(s.privileges)
    ) {
      throw new Error('not a site snapshot');
    }
    // Every column as long as its keys, checked now: values are built only when first read (LazyMap),
    // and an unreadable snapshot must fail here (the pipeline then folds the stream), never in a decision.
    if (!complete(s.members, MEMBER_COLUMNS) || !complete(s.requests, REQUEST_COLUMNS))
      throw new Error('not a site snapshot: a column is missing or not as long as its keys');
    // Shared between members: state objects are never mutated (evolve copies what it changes).
    const privileges = s.privileges.map((p) => Object.freeze(p));
    const privilegesAt = (i: number) => {
      const value = privileges[i];
      if (value === undefined) throw new Error(`site snapshot: no privileges #${i}`);
      return value;
    };
    const m = s.members;
    const members = new LazyMap<string, Member>(m.key, (i) => {
      const userId = m.userId[i] ?? m.key[i]!;
      const telephone = m.telephone[i];
      return {
        userId,
        firstName: m.firstName[i]!,
        lastName: m.lastName[i]!,
        email: m.email[i] ?? userId,
        ...(telephone !== null && telephone !== undefined ? { telephone } : {}),
        role: m.role[i]!,
        privileges: privilegesAt(m.privileges[i]!),
      };
    });
    const r = s.requests;
    const requests = new LazyMap<string, AccessRequest>(r.key, (i) => {
      const request: AccessRequest = {
        userId: r.userId[i]!,
        firstName: r.firstName[i]!,
        lastName: r.lastName[i]!,
        email: r.email[i] ?? r.userId[i]!,
        requestId: r.requestId[i] ?? r.key[i]!,
        status: r.status[i]!,
        businessJustification: r.businessJustification[i]!,
        originalJustification: r.originalJustification[i] ?? r.businessJustification[i]!,
        requestedRole: r.requestedRole[i]!,
        requestedPrivileges: privilegesAt(r.requestedPrivileges[i]!),
      };
      const verifiedEmail = r.verifiedEmail[i];
      return verifiedEmail === null || verifiedEmail === undefined ? request : { ...request, verifiedEmail };
    });
    // Every privileges index must exist: checked now, like the columns.
    for (const i of [...m.privileges, ...r.requestedPrivileges]) privilegesAt(i);
    return {
      exists: s.exists,
      siteId: s.siteId,
      name: s.name,
      members: LayeredMap.over(members),
      requests: LayeredMap.over(requests),
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
