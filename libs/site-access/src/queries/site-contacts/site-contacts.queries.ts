import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { type ListQueryDto, page } from '#contract';
import { findPage, shapeOf } from '#read-store';
import { SiteReads } from '../../application/site-reads.js';
import { type ContactDocument, SITE_COLLECTIONS as C } from '../../projections/read-models.js';
import type { SiteContactListDto } from './site-contacts.response.dto.js';

export class ListContactsQuery extends Query<SiteContactListDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly filter: ListQueryDto,
  ) {
    super();
  }
}

const CONTACT = shapeOf<ContactDocument>().omit('_id', 'position');

@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal, siteId, filter }: ListContactsQuery): Promise<SiteContactListDto> {
    await this.reads.access.require(siteId, principal, ['viewContacts']);
    return findPage(this.reads.store.collection<ContactDocument>(C.contacts), { siteId }, CONTACT, {
      sort: { contactId: 1 },
      ...page(filter),
    });
  }
}
