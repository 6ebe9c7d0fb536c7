import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { SiteReads } from '../../application/site-reads.js';
import { SITE_COLLECTIONS as C, type SiteSummaryDocument } from '../../projections/read-models.js';
import type { SiteSummaryDto } from './site-summary.response.dto.js';

export class GetSiteSummaryQuery extends Query<SiteSummaryDto> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
  ) {
    super();
  }
}

@QueryHandler(GetSiteSummaryQuery)
export class GetSiteSummaryHandler implements IQueryHandler<GetSiteSummaryQuery> {
  constructor(@Inject(SiteReads) private readonly reads: SiteReads) {}

  async execute({ principal, siteId }: GetSiteSummaryQuery): Promise<SiteSummaryDto> {
    await this.reads.access.require(siteId, principal, ['viewSummary']);
    // The site exists (checked above), so its summary does.
    const [document, permissions] = await Promise.all([
      this.reads.store.collection<SiteSummaryDocument>(C.summaries).findOne({ _id: siteId }),
      this.reads.access.callerPermissions(siteId, principal),
    ]);
    const { _id, position, ...summary } = document!;
    return { ...summary, permissions };
  }
}
