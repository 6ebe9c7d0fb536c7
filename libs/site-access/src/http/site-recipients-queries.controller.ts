import { Param, Query as QueryParams } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { SiteParams } from './site-params.js';
import { GetSiteRecipientsQuery } from '../queries/site-recipients/site-recipients.queries.js';
import { SiteRecipientsQueryDto } from '../queries/site-recipients/site-recipients.request.dto.js';
import { SiteRecipientsDto } from '../queries/site-recipients/site-recipients.response.dto.js';

@ResourceController('sites', 'v1/sites/:siteId/recipients')
export class SiteRecipientsQueriesController extends QueryRoutes {
  @QueryRoute('', SiteRecipientsDto, {
    operationId: 'SiteQueriesController_recipients',
    description:
      'The contacts of one type (renewal, media_shipping, billing, administrative); the primary contact, with ' +
      'fallback: primary_contact, when no contact has it.',
  })
  recipients(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId }: SiteParams,
    @QueryParams() { type }: SiteRecipientsQueryDto,
  ) {
    return this.queries.execute(new GetSiteRecipientsQuery(p, siteId, type));
  }
}
