import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { SiteReads } from '../../application/site-reads.js';
import type { ContactType } from '../../domain/contact.js';
import { recipientsOf } from '../../domain/contact-recipients.js';
import {
  SITE_COLLECTIONS as C,
  type ContactDocument,
  type SiteSummaryDocument,
} from '../../projections/read-models.js';
import type { SiteRecipientsDto } from './site-recipients.response.dto.js';

export class GetSiteRecipientsQuery extends Query<SiteRecipientsDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly type: ContactType,
  ) {
    super();
  }
}

/** Who receives one kind of correspondence: contact details, so only for those who may view contacts. */
@QueryHandler(GetSiteRecipientsQuery)
export class GetSiteRecipientsHandler implements IQueryHandler<GetSiteRecipientsQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal, siteId, type }: GetSiteRecipientsQuery): Promise<SiteRecipientsDto> {
    await this.reads.access.require(siteId, principal, ['viewContacts']);
    const contacts = await this.reads.store.collection<ContactDocument>(C.contacts).find({ siteId });
    const summary = await this.reads.store.collection<SiteSummaryDocument>(C.summaries).findOne({ _id: siteId });
    return { siteId, type, ...recipientsOf(type, contacts, summary?.primaryContact ?? null) };
  }
}
