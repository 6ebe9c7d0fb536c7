import { Get, Header, Param, Query as QueryParams } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, type Principal } from '#auth';
import {
  ApiCsvResponse,
  ApiProblems,
  AsOfParam,
  ListQueryDto,
  QueryRoute,
  QueryRoutes,
  ResourceController,
} from '#contract';
import { requireInstant, toCsv } from '#core';
import { PRIVILEGE_KEYS } from '../domain/privileges.js';
import { SiteParams, SiteUserParams } from './site-params.js';
import {
  GetUserAccessQuery,
  GetUserHistoryQuery,
  ListSiteUsersQuery,
} from '../queries/site-users/site-users.queries.js';
import { SiteUserListDto, UserAccessDto } from '../queries/site-users/site-users.response.dto.js';
import { UserHistoryDto } from '../queries/site-users/user-history.response.dto.js';

export class UserFilterDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['primary', 'secondary', 'user'] })
  @IsOptional()
  @IsIn(['primary', 'secondary', 'user'])
  role?: 'primary' | 'secondary' | 'user';
  @ApiPropertyOptional({ description: 'matches name, e-mail or user id' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @AsOfParam() asOf?: string;
}

export class AsOfDto {
  @AsOfParam() asOf?: string;
}

const instant = (asOf: string | undefined) => (asOf ? requireInstant('asOf', asOf) : undefined);

@ResourceController('sites', 'v1/sites/:siteId/users')
export class SiteUsersQueriesController extends QueryRoutes {
  @QueryRoute('', SiteUserListDto, {
    operationId: 'SiteQueriesController_users',
    description: 'The site’s users (as of `asOf` when given).',
  })
  users(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @QueryParams() filter: UserFilterDto) {
    return this.queries.execute(new ListSiteUsersQuery(p, siteId, filter, instant(filter.asOf)));
  }

  @Get('report.csv')
  @ApiOperation({ operationId: 'SiteQueriesController_report', summary: undefined })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="site-users.csv"')
  @ApiCsvResponse('The site’s users as CSV: a header row, then one row per user.')
  @ApiProblems(400, 401, 403, 404, 503)
  async report(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId }: SiteParams,
    @QueryParams() filter: UserFilterDto,
  ) {
    const { items } = await this.queries.execute(new ListSiteUsersQuery(p, siteId, filter, instant(filter.asOf), true));
    const header = [
      'userId',
      'firstName',
      'lastName',
      'email',
      'role',
      ...PRIVILEGE_KEYS,
      'grantedBy',
      'grantedAt',
      'confirmationNumber',
      'lastChangedAt',
      'lastChangedBy',
      'lastConfirmationNumber',
    ];
    const rows = items.map((u) => [
      u.userId,
      u.firstName,
      u.lastName,
      u.email,
      u.role,
      ...PRIVILEGE_KEYS.map((k) => u.privileges[k]),
      u.grantedBy,
      u.grantedAt,
      u.confirmationNumber,
      u.lastChangedAt,
      u.lastChangedBy,
      u.lastConfirmationNumber,
    ]);
    return toCsv(header, rows);
  }

  @QueryRoute(':userId/access', UserAccessDto, {
    operationId: 'SiteQueriesController_access',
    problems: [400, 401, 403, [404, 'NOT_FOUND: not a member (at that time), or no such site'], 503],
  })
  access(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId, userId }: SiteUserParams,
    @QueryParams() { asOf }: AsOfDto,
  ) {
    return this.queries.execute(new GetUserAccessQuery(p, siteId, userId, instant(asOf)));
  }

  @QueryRoute(':userId/history', UserHistoryDto, {
    operationId: 'SiteQueriesController_history',
    description: 'Oldest first.',
  })
  history(@CurrentPrincipal() p: Principal, @Param() { siteId, userId }: SiteUserParams) {
    return this.queries.execute(new GetUserHistoryQuery(p, siteId, userId));
  }
}
