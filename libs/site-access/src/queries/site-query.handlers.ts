import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '../../../core/src/index.js';
import { DOCUMENT_STORE, type DocumentStore, type Filter } from '../../../read-store/src/index.js';
import { SiteReadAccess } from '../application/site-read-access.js';
import { escapeRegex, page } from '../http/list-query.dto.js';
import { type AccessRequestDocument, type ContactDocument, type MemberDocument, SITE_COLLECTIONS as C, type SiteSummaryDocument, memberKey } from '../projections/read-models.js';
import { GetSiteSummaryQuery, GetUserAccessQuery, ListAccessRequestsQuery, ListContactsQuery, ListSiteUsersQuery } from './site-queries.js';

const USER_FIELDS = { _id: 0, siteId: 1, userId: 1, firstName: 1, lastName: 1, email: 1, role: 1, privileges: 1, grantedBy: 1, grantedAt: 1, confirmationNumber: 1 } as const;

@QueryHandler(GetSiteSummaryQuery)
export class GetSiteSummaryHandler implements IQueryHandler<GetSiteSummaryQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId }: GetSiteSummaryQuery) {
    await this.access.require(siteId, principal, ['viewSummary']);
    const { _id, position, ...summary } = (await this.store.collection<SiteSummaryDocument>(C.summaries).findOne({ _id: siteId }))!;
    return summary;
  }
}

@QueryHandler(ListSiteUsersQuery)
export class ListSiteUsersHandler implements IQueryHandler<ListSiteUsersQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, filter, all }: ListSiteUsersQuery) {
    await this.access.require(siteId, principal, ['viewUsers']);
    const query: Filter = { siteId };
    if (filter.role) query.role = filter.role;
    if (filter.q) {
      const q = new RegExp(escapeRegex(filter.q), 'i');
      query.$or = [{ firstName: q }, { lastName: q }, { email: q }, { userId: q }];
    }
    const members = this.store.collection<MemberDocument>(C.members);
    const options = { sort: { lastName: 1 as const, firstName: 1 as const, userId: 1 as const }, projection: USER_FIELDS };
    const [items, total] = await Promise.all([
      members.find(query, all ? options : { ...options, ...page(filter) }),
      members.countDocuments(query),
    ]);
    return { items, total };
  }
}

@QueryHandler(GetUserAccessQuery)
export class GetUserAccessHandler implements IQueryHandler<GetUserAccessQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, userId }: GetUserAccessQuery) {
    await this.access.require(siteId, principal, ['viewUsers'], principal.userId === userId);
    const member = await this.store.collection<MemberDocument>(C.members).findOne({ _id: memberKey(siteId, userId) }, { projection: USER_FIELDS });
    if (!member) throw notFound(`${userId} is not a member of site ${siteId}.`);
    return member;
  }
}

@QueryHandler(ListAccessRequestsQuery)
export class ListAccessRequestsHandler implements IQueryHandler<ListAccessRequestsQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, filter }: ListAccessRequestsQuery) {
    await this.access.require(siteId, principal, ['viewUsers']);
    const query: Filter = { siteId, ...(filter.status ? { status: filter.status } : {}) };
    const requests = this.store.collection<AccessRequestDocument>(C.requests);
    const [items, total] = await Promise.all([
      requests.find(query, { sort: { requestedAt: -1, _id: 1 }, projection: { _id: 0, position: 0, verifiedEmail: 0 }, ...page(filter) }),
      requests.countDocuments(query),
    ]);
    return { items, total };
  }
}

@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(SiteReadAccess) private readonly access: SiteReadAccess) {}

  async execute({ principal, siteId, filter }: ListContactsQuery) {
    await this.access.require(siteId, principal, ['viewContacts']);
    const contacts = this.store.collection<ContactDocument>(C.contacts);
    const [items, total] = await Promise.all([
      contacts.find({ siteId }, { sort: { contactId: 1 }, projection: { _id: 0, position: 0 }, ...page(filter) }),
      contacts.countDocuments({ siteId }),
    ]);
    return { items, total };
  }
}
