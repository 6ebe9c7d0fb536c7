import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { type ListQueryDto, escapeRegex, page } from '#contract';
import { notFound } from '#core';
import { type Filter, findOneShaped, findPage, shapeOf } from '#read-store';
import { SiteReads } from '../../application/site-reads.js';
import type { SiteRole } from '../../domain/site.events.js';
import { TELEPHONE_VIEWERS, withoutTelephone, withoutTelephoneChanges } from '../../domain/contact.redaction.js';
import { siteStream } from '../../domain/site.streams.js';
import { type MemberDocument, SITE_COLLECTIONS as C, memberKey } from '../../projections/read-models.js';
import { SITE_PERSON_PATHS, accessHistory, membersAsOf } from './site-users.as-of.js';
import type { SiteUserListDto, UserAccessDto } from './site-users.response.dto.js';
import type { UserHistoryDto } from './user-history.response.dto.js';

export interface UserFilter extends ListQueryDto {
  role?: SiteRole;
  q?: string;
}

/** The site's users, now (read model) or as of an instant (replayed from the stream); `all` skips paging (the CSV report). */
export class ListSiteUsersQuery extends Query<SiteUserListDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly filter: UserFilter,
    readonly asOf?: Date,
    readonly all = false,
  ) {
    super();
  }
}

export class GetUserAccessQuery extends Query<UserAccessDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly userId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

export class GetUserHistoryQuery extends Query<UserHistoryDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly userId: string,
  ) {
    super();
  }
}

const SITE_USER = shapeOf<MemberDocument>().pick(
  'siteId',
  'userId',
  'firstName',
  'lastName',
  'email',
  'telephone',
  'role',
  'privileges',
  'grantedBy',
  'grantedAt',
  'confirmationNumber',
  'lastChangedAt',
  'lastChangedBy',
  'lastConfirmationNumber',
);

@QueryHandler(ListSiteUsersQuery)
export class ListSiteUsersHandler implements IQueryHandler<ListSiteUsersQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal, siteId, filter, asOf, all }: ListSiteUsersQuery): Promise<SiteUserListDto> {
    await this.reads.access.require(siteId, principal, ['viewUsers']);
    const found = asOf ? await this.replayed(siteId, filter, asOf, all) : await this.current(siteId, filter, all);
    if (await this.reads.access.may(siteId, principal, TELEPHONE_VIEWERS)) return found;
    return { ...found, items: found.items.map((m) => (m.userId === principal.userId ? m : withoutTelephone(m))) };
  }

  private async current(siteId: string, filter: UserFilter, all: boolean) {
    const query: Filter = { siteId };
    if (filter.role) query.role = filter.role;
    if (filter.q) {
      const q = new RegExp(escapeRegex(filter.q), 'i');
      query.$or = [{ firstName: q }, { lastName: q }, { email: q }, { userId: q }];
    }
    const sort = { lastName: 1, firstName: 1, userId: 1 } as const;
    return findPage(
      this.reads.store.collection<MemberDocument>(C.members),
      query,
      SITE_USER,
      all ? { sort } : { sort, ...page(filter) },
    );
  }

  private async replayed(siteId: string, filter: UserFilter, asOf: Date, all: boolean) {
    const { members } = membersAsOf(await this.reads.events.readStream(siteStream.of(siteId), { until: asOf }));
    const q = filter.q?.toLowerCase();
    const matching = members.filter(
      (m) =>
        (!filter.role || m.role === filter.role) &&
        (!q || [m.firstName, m.lastName, m.email, m.userId].some((v) => v.toLowerCase().includes(q))),
    );
    const { skip, limit } = page(filter);
    return {
      items: (all ? matching : matching.slice(skip, skip + limit)).map((m) => ({ siteId, ...m })),
      total: matching.length,
    };
  }
}

@QueryHandler(GetUserAccessQuery)
export class GetUserAccessHandler implements IQueryHandler<GetUserAccessQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute(query: GetUserAccessQuery): Promise<UserAccessDto> {
    const { principal, siteId, userId } = query;
    const access = await this.access(query);
    if (principal.userId === userId || (await this.reads.access.may(siteId, principal, TELEPHONE_VIEWERS)))
      return access;
    return withoutTelephone(access);
  }

  private async access({ principal, siteId, userId, asOf }: GetUserAccessQuery): Promise<UserAccessDto> {
    await this.reads.access.require(siteId, principal, ['viewUsers'], principal.userId === userId);
    if (!asOf) {
      const member = await findOneShaped(
        this.reads.store.collection<MemberDocument>(C.members),
        { _id: memberKey(siteId, userId) },
        SITE_USER,
      );
      if (!member) throw notFound(`${userId} is not a member of site ${siteId}.`);
      return member;
    }
    const mine = await this.reads.events.readStream(siteStream.of(siteId), {
      until: asOf,
      mentioning: { paths: SITE_PERSON_PATHS, value: userId },
    });
    const member = membersAsOf(mine).members.find((m) => m.userId === userId);
    if (!member) throw notFound(`${userId} was not a member of site ${siteId} at ${asOf.toISOString()}.`);
    return { siteId, ...member, asOf: asOf.toISOString() };
  }
}

@QueryHandler(GetUserHistoryQuery)
export class GetUserHistoryHandler implements IQueryHandler<GetUserHistoryQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal, siteId, userId }: GetUserHistoryQuery): Promise<UserHistoryDto> {
    await this.reads.access.require(siteId, principal, ['viewUsers'], principal.userId === userId);
    const mine = await this.reads.events.readStream(siteStream.of(siteId), {
      mentioning: { paths: SITE_PERSON_PATHS, value: userId },
    });
    const items = accessHistory(mine);
    if (principal.userId === userId || (await this.reads.access.may(siteId, principal, TELEPHONE_VIEWERS)))
      return { items };
    return { items: items.map((item) => ({ ...item, changes: withoutTelephoneChanges(item.changes) })) };
  }
}
