import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import { type ListQueryDto, page } from '../../../../contract/src/index.js';
import { DOCUMENT_STORE, type DocumentStore, findPage, shapeOf } from '../../../../read-store/src/index.js';
import { SiteReadAccess } from '../../application/site-read-access.js';
import { type ContactDocument, SITE_COLLECTIONS as C } from '../../projections/read-models.js';
import type { SiteContactListDto } from './site-contacts.response.dto.js';

export class ListContactsQuery extends Query<SiteContactListDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly filter: ListQueryDto) {
    super();
  }
}

const CONTACT = shapeOf<ContactDocument>().omit('_id', 'position');

@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, filter }: ListContactsQuery): Promise<SiteContactListDto> {
    await this.access.require(siteId, principal, ['viewContacts']);
    return findPage(this.store.collection<ContactDocument>(C.contacts), { siteId }, CONTACT, { sort: { contactId: 1 }, ...page(filter) });
  }
}
