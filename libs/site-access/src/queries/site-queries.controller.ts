import { Controller, Get, Header, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, Matches } from 'class-validator';
import { CurrentPrincipal, type Principal } from '../../../auth/src/index.js';
import { ApiCsvResponse, ApiProblems } from '../../../contract/src/index.js';
import { INSTANT_PATTERN, requireInstant, toCsv } from '../../../core/src/index.js';
import { ListQueryDto } from '../http/list-query.dto.js';
import { SiteParams, SiteUserParams } from '../http/site-params.js';
import { PRIVILEGE_KEYS } from '../domain/privileges.js';
import { GetUserAccessAsOfQuery, GetUserHistoryQuery, ListSiteUsersAsOfQuery } from './as-of/site-as-of.queries.js';
import { GetSiteSummaryQuery, GetUserAccessQuery, ListAccessRequestsQuery, ListContactsQuery, ListSiteUsersQuery } from './site-queries.js';
import { AccessRequestListDto } from './access-requests.response.dto.js';
import { SiteContactListDto } from './contacts.response.dto.js';
import { SiteSummaryDto } from './site-summary.response.dto.js';
import { SiteUserListDto, UserAccessDto } from './site-users.response.dto.js';
import { UserHistoryDto } from './user-history.response.dto.js';

export class UserFilterDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['primary', 'secondary', 'user'] }) @IsOptional() @IsIn(['primary', 'secondary', 'user']) role?: 'primary' | 'secondary' | 'user';
  @ApiPropertyOptional({ description: 'matches name, e-mail or user id' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'answer as of this instant, replayed from the event stream' }) @IsOptional() @Matches(INSTANT_PATTERN, { message: '$property must be an ISO-8601 instant such as 2026-03-01T10:00:00Z' }) asOf?: string;
}

export class AsOfDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'answer as of this instant, replayed from the event stream' }) @IsOptional() @Matches(INSTANT_PATTERN, { message: '$property must be an ISO-8601 instant such as 2026-03-01T10:00:00Z' }) asOf?: string;
}

export class RequestFilterDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'granted', 'denied'] }) @IsOptional() @IsIn(['pending', 'granted', 'denied']) status?: string;
}

@ApiTags('sites')
@ApiBearerAuth()
@Controller('v1/sites/:siteId')
export class SiteQueriesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: SiteSummaryDto })
  @ApiProblems(400, 401, 403, 404, 503)
  summary(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams) {
    return this.queries.execute(new GetSiteSummaryQuery(p, siteId));
  }

  @Get('users')
  @ApiOkResponse({ type: SiteUserListDto, description: 'The site’s users (as of `asOf` when given).' })
  @ApiProblems(400, 401, 403, 404, 503)
  users(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: UserFilterDto) {
    if (filter.asOf) return this.queries.execute(new ListSiteUsersAsOfQuery(p, siteId, requireInstant('asOf', filter.asOf), filter));
    return this.queries.execute(new ListSiteUsersQuery(p, siteId, filter));
  }

  @Get('users/report.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="site-users.csv"')
  @ApiCsvResponse('The site’s users as CSV: a header row, then one row per user.')
  @ApiProblems(400, 401, 403, 404, 503)
  async report(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: UserFilterDto) {
    const everyone = { ...filter, limit: Number.MAX_SAFE_INTEGER, offset: 0 };
    const { items } = filter.asOf
      ? await this.queries.execute(new ListSiteUsersAsOfQuery(p, siteId, requireInstant('asOf', filter.asOf), everyone))
      : await this.queries.execute(new ListSiteUsersQuery(p, siteId, filter, true));
    const header = ['userId', 'firstName', 'lastName', 'email', 'role', ...PRIVILEGE_KEYS, 'grantedBy', 'grantedAt', 'confirmationNumber'];
    const rows = items.map((u) => [u.userId, u.firstName, u.lastName, u.email, u.role, ...PRIVILEGE_KEYS.map((k) => u.privileges[k]), u.grantedBy, u.grantedAt, u.confirmationNumber]);
    return toCsv(header, rows);
  }

  @Get('users/:userId/access')
  @ApiOkResponse({ type: UserAccessDto })
  @ApiProblems(400, 401, 403, [404, 'NOT_FOUND: not a member (at that time), or no such site'], 503)
  access(@CurrentPrincipal() p: Principal, @Param() { siteId, userId }: SiteUserParams, @QueryParams() { asOf }: AsOfDto) {
    if (asOf) return this.queries.execute(new GetUserAccessAsOfQuery(p, siteId, userId, requireInstant('asOf', asOf)));
    return this.queries.execute(new GetUserAccessQuery(p, siteId, userId));
  }

  @Get('users/:userId/history')
  @ApiOkResponse({ type: UserHistoryDto, description: 'Oldest first.' })
  @ApiProblems(400, 401, 403, 404, 503)
  history(@CurrentPrincipal() p: Principal, @Param() { siteId, userId }: SiteUserParams) {
    return this.queries.execute(new GetUserHistoryQuery(p, siteId, userId));
  }

  @Get('access-requests')
  @ApiOkResponse({ type: AccessRequestListDto, description: 'Newest first.' })
  @ApiProblems(400, 401, 403, 404, 503)
  requests(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: RequestFilterDto) {
    return this.queries.execute(new ListAccessRequestsQuery(p, siteId, filter));
  }

  @Get('contacts')
  @ApiOkResponse({ type: SiteContactListDto })
  @ApiProblems(400, 401, 403, 404, 503)
  contacts(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new ListContactsQuery(p, siteId, filter));
  }
}
