import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { type ListQueryDto, page } from '#contract';
import { findPage, shapeOf } from '#read-store';
import { EnterpriseReads } from '../../application/enterprise-reads.js';
import { PARTNER_COLLECTIONS as C, type SelfAssociationDocument } from '../../projections/read-models.js';
import type { SelfAssociationListDto } from './self-associations.response.dto.js';

export class ListSelfAssociationsQuery extends Query<SelfAssociationListDto> {
  constructor(
    readonly principal: Principal,
    readonly enterpriseId: string,
    readonly locationId: string,
    readonly filter: ListQueryDto & { status?: string },
  ) {
    super();
  }
}

const ASSOCIATION = shapeOf<SelfAssociationDocument>().omit('_id', 'position');

@QueryHandler(ListSelfAssociationsQuery)
export class ListSelfAssociationsHandler implements IQueryHandler<ListSelfAssociationsQuery> {
  constructor(@Inject(EnterpriseReads) private readonly reads: EnterpriseReads) {}

  async execute({
    principal,
    enterpriseId,
    locationId,
    filter,
  }: ListSelfAssociationsQuery): Promise<SelfAssociationListDto> {
    await this.reads.access.requireManager(enterpriseId, locationId, principal);
    const query = { locationId, ...(filter.status ? { status: filter.status } : {}) };
    return findPage(this.reads.store.collection<SelfAssociationDocument>(C.associations), query, ASSOCIATION, {
      sort: { requestedAt: -1 },
      ...page(filter),
    });
  }
}
