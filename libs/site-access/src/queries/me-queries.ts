import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/src/index.js';
import { DOCUMENT_STORE, type DocumentStore } from '../../../read-store/src/index.js';
import { type ListQueryDto, page } from '../http/list-query.dto.js';
import { SITE_COLLECTIONS as C } from '../projections/read-models.js';

type List = { items: Record<string, unknown>[]; total: number };

/** The caller's own view across sites: memberships, requests, e-mails, preferences. */
export class MyListQuery extends Query<List> {
  constructor(
    readonly principal: Principal,
    readonly what: 'sites' | 'access-requests' | 'notifications',
    readonly filter: ListQueryDto,
  ) {
    super();
  }
}

export class MyNotificationPreferencesQuery extends Query<{ userId: string; email: string | null; updatedAt: string | null }> {
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
    return { items, total };
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
