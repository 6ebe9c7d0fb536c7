import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import { notFound } from '../../../../core/src/index.js';
import { EVENT_STORE, type EventStore } from '../../../../event-store/src/index.js';
import { SiteReadAccess } from '../../application/site-read-access.js';
import type { UserFilter } from '../site-queries.js';
import type { SiteUserListDto, UserAccessDto } from '../site-users.response.dto.js';
import type { UserHistoryDto } from '../user-history.response.dto.js';
import { SITE_PERSON_PATHS, accessHistory, membersAsOf } from './site-access-as-of.js';
import { siteStream } from '../../domain/site.streams.js';

/** The site's users at an instant, replayed from the event stream (authoritative, not a read model). */
export class ListSiteUsersAsOfQuery extends Query<SiteUserListDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly asOf: Date, readonly filter: UserFilter) {
    super();
  }
}

export class GetUserAccessAsOfQuery extends Query<UserAccessDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly userId: string, readonly asOf: Date) {
    super();
  }
}

export class GetUserHistoryQuery extends Query<UserHistoryDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly userId: string) {
    super();
  }
}

@QueryHandler(ListSiteUsersAsOfQuery)
export class ListSiteUsersAsOfHandler implements IQueryHandler<ListSiteUsersAsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, asOf, filter }: ListSiteUsersAsOfQuery) {
    await this.access.require(siteId, principal, ['viewUsers']);
    const { members } = membersAsOf(await this.events.readStream(siteStream.of(siteId), { until: asOf }));
    const q = filter.q?.toLowerCase();
    const matching = members.filter(
      (m) => (!filter.role || m.role === filter.role) && (!q || [m.firstName, m.lastName, m.email, m.userId].some((v) => v.toLowerCase().includes(q))),
    );
    const skip = filter.offset ?? 0;
    return { items: matching.slice(skip, skip + (filter.limit ?? 50)).map((m) => ({ siteId, ...m })), total: matching.length };
  }
}

@QueryHandler(GetUserAccessAsOfQuery)
export class GetUserAccessAsOfHandler implements IQueryHandler<GetUserAccessAsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, userId, asOf }: GetUserAccessAsOfQuery) {
    await this.access.require(siteId, principal, ['viewUsers'], principal.userId === userId);
    const mine = await this.events.readStream(siteStream.of(siteId), { until: asOf, mentioning: { paths: SITE_PERSON_PATHS, value: userId } });
    const member = membersAsOf(mine).members.find((m) => m.userId === userId);
    if (!member) throw notFound(`${userId} was not a member of site ${siteId} at ${asOf.toISOString()}.`);
    return { siteId, ...member, asOf: asOf.toISOString() };
  }
}

@QueryHandler(GetUserHistoryQuery)
export class GetUserHistoryHandler implements IQueryHandler<GetUserHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, userId }: GetUserHistoryQuery) {
    await this.access.require(siteId, principal, ['viewUsers'], principal.userId === userId);
    const mine = await this.events.readStream(siteStream.of(siteId), { mentioning: { paths: SITE_PERSON_PATHS, value: userId } });
    return { items: accessHistory(mine) };
  }
}
