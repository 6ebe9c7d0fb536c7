import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/src/index.js';
import type { ListQueryDto } from '../http/list-query.dto.js';
import type { AccessRequestListDto } from './access-requests.response.dto.js';
import type { SiteContactListDto } from './contacts.response.dto.js';
import type { SiteSummaryDto } from './site-summary.response.dto.js';
import type { SiteUserListDto, UserAccessDto } from './site-users.response.dto.js';

/** The read use cases of a site; each answers straight from the read models. */
export class GetSiteSummaryQuery extends Query<SiteSummaryDto> {
  constructor(readonly principal: Principal, readonly siteId: string) {
    super();
  }
}

export interface UserFilter extends ListQueryDto {
  role?: 'primary' | 'secondary' | 'user';
  q?: string;
}

export class ListSiteUsersQuery extends Query<SiteUserListDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly filter: UserFilter, readonly all = false) {
    super();
  }
}

export class GetUserAccessQuery extends Query<UserAccessDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly userId: string) {
    super();
  }
}

export class ListAccessRequestsQuery extends Query<AccessRequestListDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly filter: ListQueryDto & { status?: string }) {
    super();
  }
}

export class ListContactsQuery extends Query<SiteContactListDto> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly filter: ListQueryDto) {
    super();
  }
}
