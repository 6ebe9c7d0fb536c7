import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/src/index.js';
import type { ListQueryDto } from '../http/list-query.dto.js';

/** The read use cases of a site; each answers straight from the read models. */
export class GetSiteSummaryQuery extends Query<Record<string, unknown>> {
  constructor(readonly principal: Principal, readonly siteId: string) {
    super();
  }
}

export interface UserFilter extends ListQueryDto {
  role?: 'primary' | 'secondary' | 'user';
  q?: string;
}

export class ListSiteUsersQuery extends Query<{ items: Record<string, unknown>[]; total: number }> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly filter: UserFilter, readonly all = false) {
    super();
  }
}

export class GetUserAccessQuery extends Query<Record<string, unknown>> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly userId: string) {
    super();
  }
}

export class ListAccessRequestsQuery extends Query<{ items: Record<string, unknown>[]; total: number }> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly filter: ListQueryDto & { status?: string }) {
    super();
  }
}

export class ListContactsQuery extends Query<{ items: Record<string, unknown>[]; total: number }> {
  constructor(readonly principal: Principal, readonly siteId: string, readonly filter: ListQueryDto) {
    super();
  }
}
