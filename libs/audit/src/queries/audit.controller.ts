import { Controller, Get, Header, Inject, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, Matches } from 'class-validator';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCsvResponse, ApiProblems } from '#contract';
import { INSTANT_PATTERN, toCsv } from '#core';
import { AuditEntryDto, AuditEntryListDto } from './audit-entry.response.dto.js';
import { GetConfirmationQuery, SearchAuditQuery } from './audit.queries.js';

export class AuditFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(254) actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(254) targetUserId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) siteId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) enterpriseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) locationId?: string;
  @ApiPropertyOptional({ description: 'the command, e.g. GrantAccess' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Matches(INSTANT_PATTERN, { message: '$property must be an ISO-8601 instant such as 2026-03-01T10:00:00Z' })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @Matches(INSTANT_PATTERN, { message: '$property must be an ISO-8601 instant such as 2026-03-01T10:00:00Z' })
  to?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

const CSV_HEADER = [
  'confirmationNumber',
  'occurredAt',
  'action',
  'actorId',
  'siteId',
  'enterpriseId',
  'locationId',
  'targetUserId',
  'changes',
  'justification',
  'reason',
];

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1')
export class AuditController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('confirmations/:confirmationNumber')
  @ApiOkResponse({ type: AuditEntryDto, description: 'The transaction with this confirmation number.' })
  @ApiProblems(400, 401, 403, 404, 503)
  confirmation(@CurrentPrincipal() p: Principal, @Param('confirmationNumber') confirmationNumber: string) {
    return this.queries.execute(new GetConfirmationQuery(p, confirmationNumber));
  }

  @Get('audit')
  @ApiOkResponse({ type: AuditEntryListDto, description: 'Audit entries, newest first.' })
  @ApiProblems(400, 401, 403, 503)
  search(@CurrentPrincipal() p: Principal, @QueryParams() filter: AuditFilterDto) {
    return this.queries.execute(new SearchAuditQuery(p, filter));
  }

  @Get('audit.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit.csv"')
  @ApiCsvResponse('Audit entries as CSV: a header row, then one row per transaction (newest first).')
  @ApiProblems(400, 401, 403, 503)
  async csv(@CurrentPrincipal() p: Principal, @QueryParams() filter: AuditFilterDto) {
    const { items } = await this.queries.execute(new SearchAuditQuery(p, filter, true));
    const rows = items.map((e) => [
      e.confirmationNumber,
      e.occurredAt,
      e.action,
      e.actorId,
      e.scope.siteId,
      e.scope.enterpriseId,
      e.scope.locationId,
      e.targetUserId,
      e.changes.map((c) => `${c.field}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`).join('; '),
      e.justification,
      e.reason,
    ]);
    return toCsv(CSV_HEADER, rows);
  }
}
