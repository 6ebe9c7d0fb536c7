import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { type ListQueryDto, escapeRegex, page } from '#contract';
import { notFound } from '#core';
import { type Filter, findOneShaped, findPage, shapeOf } from '#read-store';
import { SiteReads } from '../../application/site-reads.js';
import { type AccessRequestDocument, SITE_COLLECTIONS as C } from '../../projections/read-models.js';
import type { AccessRequestDto, AccessRequestListDto } from './access-requests.response.dto.js';

export interface AccessRequestFilter extends ListQueryDto {
  status?: string;
  /** Words that must each match (case-insensitive, anywhere) the first or last name, the e-mail or the user id. */
  q?: string;
}

export class ListAccessRequestsQuery extends Query<AccessRequestListDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly filter: AccessRequestFilter,
  ) {
    super();
  }
}

export class GetAccessRequestQuery extends Query<AccessRequestDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly requestId: string,
  ) {
    super();
  }
}

/** Approvers see what the requester typed, never their verified address. */
const FOR_APPROVERS = shapeOf<AccessRequestDocument>().omit('_id', 'position', 'verifiedEmail');

/**
 * `q` as a filter: every word matches one of the person's fields, so "nina example" finds Nina
 * Example and not every Nina. The site (and status) stay plain equalities the index serves; the
 * words are tested on that site's requests only.
 */
export function requestSearch(q: string | undefined): Filter {
  const words = (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return {};
  const matching = (word: string) => {
    const re = new RegExp(escapeRegex(word), 'i');
    return { $or: [{ firstName: re }, { lastName: re }, { email: re }, { userId: re }] };
  };
  return words.length === 1 ? matching(words[0]!) : { $and: words.map(matching) };
}

@QueryHandler(ListAccessRequestsQuery)
export class ListAccessRequestsHandler implements IQueryHandler<ListAccessRequestsQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal, siteId, filter }: ListAccessRequestsQuery): Promise<AccessRequestListDto> {
    await this.reads.access.require(siteId, principal, ['viewUsers']);
    const query = { siteId, ...(filter.status ? { status: filter.status } : {}), ...requestSearch(filter.q) };
    return findPage(this.reads.store.collection<AccessRequestDocument>(C.requests), query, FOR_APPROVERS, {
      sort: { requestedAt: -1, _id: 1 },
      ...page(filter),
    });
  }
}

@QueryHandler(GetAccessRequestQuery)
export class GetAccessRequestHandler implements IQueryHandler<GetAccessRequestQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal, siteId, requestId }: GetAccessRequestQuery): Promise<AccessRequestDto> {
    await this.reads.access.require(siteId, principal, ['viewUsers']);
    const request = await findOneShaped(
      this.reads.store.collection<AccessRequestDocument>(C.requests),
      { _id: requestId },
      FOR_APPROVERS,
    );
    if (!request || request.siteId !== siteId) throw notFound(`Site ${siteId} has no access request ${requestId}.`);
    return request;
  }
}
