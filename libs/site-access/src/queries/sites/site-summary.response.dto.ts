import { ApiProperty } from '@nestjs/swagger';
import { GrantedPrivilegesDto } from '../site-users/site-users.response.dto.js';

export class SiteSummaryContactDto {
  @ApiProperty() userId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
}

export class SiteSummarySecondaryContactDto extends SiteSummaryContactDto {
  @ApiProperty({ type: () => GrantedPrivilegesDto }) privileges: GrantedPrivilegesDto;
}

/** GET /v1/sites/{siteId}: the site at a glance. */
export class SiteSummaryDto {
  @ApiProperty() siteId: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: () => SiteSummaryContactDto,
    nullable: true,
    description: 'the primary contact; null only transiently',
  })
  primaryContact: SiteSummaryContactDto | null;
  @ApiProperty({ type: () => [SiteSummarySecondaryContactDto] }) secondaryContacts: SiteSummarySecondaryContactDto[];
  @ApiProperty({ type: 'integer' }) userCount: number;
  @ApiProperty({ type: 'integer' }) pendingRequestCount: number;
  @ApiProperty({ type: 'integer' }) contactCount: number;
  @ApiProperty({ type: [String], description: 'e.g. missing contact types' }) warnings: string[];
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty() registeredBy: string;
}
