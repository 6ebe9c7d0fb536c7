import { PersistentMap as ImmutableMap, type SnapshotCodec } from '../../../core/src/index.js';
import type { Contact } from './contact.js';
import type { AccessRequest, Member, SiteState } from './site.state.js';

/** The JSON form of a SiteState: each persistent map as its [key, value] entries, in iteration order. */
interface SiteSnapshotJson {
  readonly exists: boolean;
  readonly siteId: string;
  readonly name: string;
  readonly members: [string, Member][];
  readonly requests: [string, AccessRequest][];
  readonly contacts: [string, Contact][];
  readonly pendingByUser: [string, string][];
  readonly primaryUserId: string | null;
  readonly secondaryCount: number;
}

/** Site state to and from a snapshot. Bump `version` whenever SiteState's shape or meaning changes. */
export const siteSnapshot: SnapshotCodec<SiteState> = {
  version: 1,
  toJson: (state): SiteSnapshotJson => ({
    exists: state.exists,
    siteId: state.siteId,
    name: state.name,
    members: [...state.members.entries()],
    requests: [...state.requests.entries()],
    contacts: [...state.contacts.entries()],
    pendingByUser: [...state.pendingByUser.entries()],
    primaryUserId: state.primaryUserId,
    secondaryCount: state.secondaryCount,
  }),
  fromJson: (json) => {
    const s = json as SiteSnapshotJson;
    if (typeof s !== 'object' || s === null || typeof s.exists !== 'boolean' || !Array.isArray(s.members)) {
      throw new Error('not a site snapshot');
    }
    return {
      exists: s.exists,
      siteId: s.siteId,
      name: s.name,
      members: ImmutableMap(s.members),
      requests: ImmutableMap(s.requests),
      contacts: ImmutableMap(s.contacts),
      pendingByUser: ImmutableMap(s.pendingByUser),
      primaryUserId: s.primaryUserId,
      secondaryCount: s.secondaryCount,
    };
  },
};
