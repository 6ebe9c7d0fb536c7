import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { type ListQueryDto, page } from '#contract';
import { type DocumentStore, findPage, shapeOf } from '#read-store';
import { SiteReads } from '../../application/site-reads.js';
import {
  type AccessRequestDocument,
  type MemberDocument,
  type NotificationDocument,
  SITE_COLLECTIONS as C,
  type UserPreferencesDocument,
} from '../../projections/read-models.js';
import type { AccessRequestListDto } from '../access-requests/access-requests.response.dto.js';
import type { MySiteListDto, NotificationListDto, NotificationPreferencesDto } from './me.response.dto.js';

/** What each of the caller's lists answers. */
export interface MyLists {
  sites: MySiteListDto;
  'access-requests': AccessRequestListDto;
  notifications: NotificationListDto;
}

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

const MY_SITE = shapeOf<MemberDocument>().pick(
  'siteId',
  'siteName',
  'role',
  'privileges',
  'grantedBy',
  'grantedAt',
  'confirmationNumber',
);
const MY_REQUEST = shapeOf<AccessRequestDocument>().omit('_id', 'position');
const MY_NOTIFICATION = shapeOf<NotificationDocument>().omit('_id');

/** Each list: the caller's documents of one collection, in its order. */
const LISTS: {
  [W in keyof MyLists]: (store: DocumentStore, userId: string, filter: ListQueryDto) => Promise<MyLists[W]>;
} = {
  sites: (store, userId, filter) =>
    findPage(store.collection<MemberDocument>(C.members), { userId }, MY_SITE, {
      sort: { siteId: 1 },
      ...page(filter),
    }),
  'access-requests': (store, userId, filter) =>
    findPage(store.collection<AccessRequestDocument>(C.requests), { userId }, MY_REQUEST, {
      sort: { requestedAt: -1 },
      ...page(filter),
    }),
  notifications: (store, userId, filter) =>
    findPage(store.collection<NotificationDocument>(C.notifications), { userId }, MY_NOTIFICATION, {
      sort: { createdAt: -1 },
      ...page(filter),
    }),
};

@QueryHandler(MyListQuery)
export class MyListHandler implements IQueryHandler<MyListQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  execute<W extends keyof MyLists>({ principal, what, filter }: MyListQuery<W>): Promise<MyLists[W]> {
    return LISTS[what](this.reads.store, principal.userId, filter);
  }
}

@QueryHandler(MyNotificationPreferencesQuery)
export class MyNotificationPreferencesHandler implements IQueryHandler<MyNotificationPreferencesQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal }: MyNotificationPreferencesQuery): Promise<NotificationPreferencesDto> {
    const found = await this.reads.store
      .collection<UserPreferencesDocument>(C.preferences)
      .findOne({ _id: principal.userId });
    return {
      userId: principal.userId,
      email: found?.email ?? null,
      subscribed: found?.subscribed ?? true,
      updatedAt: found?.updatedAt ?? null,
    };
  }
}
