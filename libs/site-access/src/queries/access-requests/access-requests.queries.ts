import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { type ListQueryDto, page } from '#contract';
import { findPage, shapeOf } from '#read-store';
import { SiteReads } from '../../application/site-reads.js';
import { type AccessRequestDocument, SITE_COLLECTIONS as C } from '../../projections/read-models.js';
import type { AccessRequestListDto } from './access-requests.response.dto.js';

export class ListAccessRequestsQuery extends Query<AccessRequestListDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly filter: ListQueryDto & { status?: string },
  ) {
    super();
  }
}

/** Approvers see what the requester typed, never their verified address. */
const FOR_APPROVERS = shapeOf<AccessRequestDocument>().omit('_id', 'position', 'verifiedEmail');

@QueryHandler(ListAccessRequestsQuery)
export class ListAccessRequestsHandler implements IQueryHandler<ListAccessRequestsQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal, siteId, filter }: ListAccessRequestsQuery): Promise<AccessRequestListDto> {
    await this.reads.access.require(siteId, principal, ['viewUsers']);
    const query = { siteId, ...(filter.status ? { status: filter.status } : {}) };
    return findPage(this.reads.store.collection<AccessRequestDocument>(C.requests), query, FOR_APPROVERS, {
      sort: { requestedAt: -1, _id: 1 },
      ...page(filter),
    });
  }
}
