import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import { type ListQueryDto, page } from '../../../../contract/src/index.js';
import { DOCUMENT_STORE, type DocumentStore, findPage, shapeOf } from '../../../../read-store/src/index.js';
import { SiteReadAccess } from '../../application/site-read-access.js';
import { type AccessRequestDocument, SITE_COLLECTIONS as C } from '../../projections/read-models.js';
import type { AccessRequestListDto } from './access-requests.response.dto.js';

export class ListAccessRequestsQuery extends Query<AccessRequestListDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly filter: ListQueryDto & { status?: string }) {
    super();
  }
}

/** Approvers see what the requester typed, never their verified address. */
const FOR_APPROVERS = shapeOf<AccessRequestDocument>().omit('_id', 'position', 'verifiedEmail');

@QueryHandler(ListAccessRequestsQuery)
export class ListAccessRequestsHandler implements IQueryHandler<ListAccessRequestsQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, filter }: ListAccessRequestsQuery): Promise<AccessRequestListDto> {
    await this.access.require(siteId, principal, ['viewUsers']);
    const query = { siteId, ...(filter.status ? { status: filter.status } : {}) };
    return findPage(this.store.collection<AccessRequestDocument>(C.requests), query, FOR_APPROVERS, { sort: { requestedAt: -1, _id: 1 }, ...page(filter) });
  }
}
