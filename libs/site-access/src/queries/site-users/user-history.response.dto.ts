import { ApiProperty } from '@nestjs/swagger';
import { FieldChangeDto } from '#contract';

/** One transaction that touched a member's access. */
export class UserHistoryItemDto {
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ description: 'the command, e.g. GrantAccess' }) action: string;
  @ApiProperty() actorId: string;
  @ApiProperty() confirmationNumber: string;
  @ApiProperty({ type: () => [FieldChangeDto] }) changes: FieldChangeDto[];
}

/** GET /v1/sites/{siteId}/users/{userId}/history: oldest first, not paged. */
export class UserHistoryDto {
  @ApiProperty({ type: () => [UserHistoryItemDto] }) items: UserHistoryItemDto[];
}
