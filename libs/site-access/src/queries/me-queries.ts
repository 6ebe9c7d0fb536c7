import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/src/index.js';
import { DOCUMENT_STORE, type DocumentStore } from '../../../read-store/src/index.js';
import { type ListQueryDto, page } from '../http/list-query.dto.js';
import { SITE_COLLECTIONS as C } from '../projections/read-models.js';
import type { AccessRequestListDto } from './access-requests.response.dto.js';
import type { MySiteListDto, NotificationListDto, NotificationPreferencesDto } from './me.response.dto.js';

/** What each of the caller's lists answers. */
export interface MyLists {
  sites: MySiteListDto;
  'access-requests': AccessRequestListDto;
  notifications: NotificationListDto;
}
type List = MyLists[keyof MyLists];

/** The caller's own view across sites: memberships, requests, e-mails, preferences. */
export class MyListQuery<W extends keyof MyLists = keyof MyLists> extends Query<MyLists[W]> {
  constructor(
    readonly principal: Principal,
    readonly what: W,
    readonly filter: ListQueryDto,
  ) {
    super();
  }
}

export class MyNotificationPreferencesQuery extends Query<NotificationPreferencesDto> {
  constructor(readonly principal: Principal) {
    super();
  }
}

const LISTS = {
  sites: {
    collection: C.members,
    sort: { siteId: 1 },
    projection: { _id: 0, siteId: 1, siteName: 1, role: 1, privileges: 1, grantedBy: 1, grantedAt: 1, confirmationNumber: 1 },
  },
  'access-requests': { collection: C.requests, sort: { requestedAt: -1 }, projection: { _id: 0, position: 0 } },
  notifications: { collection: C.notifications, sort: { createdAt: -1 }, projection: { _id: 0 } },
} as const;

@QueryHandler(MyListQuery)
export class MyListHandler implements IQueryHandler<MyListQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  async execute({ principal, what, filter }: MyListQuery): Promise<List> {
    const { collection, sort, projection } = LISTS[what];
    const query = { userId: principal.userId };
    const documents = this.store.collection(collection);
    const [items, total] = await Promise.all([
      documents.find(query, { sort: { ...sort }, projection: { ...projection }, ...page(filter) }),
      documents.countDocuments(query),
    ]);
    // The projection above shapes each list's documents as its DTO says.
    return { items, total } as unknown as List;
  }
}

@QueryHandler(MyNotificationPreferencesQuery)
export class MyNotificationPreferencesHandler implements IQueryHandler<MyNotificationPreferencesQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  async execute({ principal }: MyNotificationPreferencesQuery) {
    const found = await this.store.collection(C.preferences).findOne({ _id: principal.userId });
    return { userId: principal.userId, email: (found?.email as string) ?? null, updatedAt: (found?.updatedAt as string) ?? null };
  }
}
