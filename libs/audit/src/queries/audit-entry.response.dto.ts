import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldChangeDto, PageOf } from '#contract';

export class AuditScopeDto {
  @ApiPropertyOptional() siteId?: string;
  @ApiPropertyOptional() enterpriseId?: string;
  @ApiPropertyOptional() locationId?: string;
}

export class AuditEventDto {
  @ApiProperty({ description: 'the event type, e.g. AccessGranted' }) type: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the event payload (contact details and token digests redacted as the caller requires)',
  })
  data: Record<string, unknown>;
}

/** One transaction (one confirmation number): who did what, where, to whom, and what changed. */
export class AuditEntryDto {
  @ApiProperty() confirmationNumber: string;
  @ApiProperty({ description: 'the command, e.g. GrantAccess' }) action: string;
  @ApiProperty() actorId: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: () => AuditScopeDto }) scope: AuditScopeDto;
  @ApiPropertyOptional({ description: 'the person the transaction is about, when one' }) targetUserId?: string;
  @ApiProperty({ type: [String], description: 'every person the transaction is about' }) targetUserIds: string[];
  @ApiProperty({ type: () => [FieldChangeDto] }) changes: FieldChangeDto[];
  @ApiProperty({ type: () => [AuditEventDto] }) events: AuditEventDto[];
  @ApiPropertyOptional() justification?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({
    description:
      'events of this transaction beyond the 100 an entry keeps (counted, not shown; the event store has them all)',
  })
  omittedEvents?: number;
  @ApiPropertyOptional({ description: 'changes beyond the 500 an entry keeps' }) omittedChanges?: number;
}

/** GET /v1/audit: newest first. */
export class AuditEntryListDto extends PageOf(AuditEntryDto) {}
