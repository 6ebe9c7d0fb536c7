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

/**
 * What the caller may do on this site: each flag says whether the API would answer (queries) or
 * accept (commands) that for this caller now; `false` means `403`. The API decides every request again.
 */
export class CallerSitePermissionsDto {
  @ApiProperty({
    description:
      'list users and access requests, read the users report (primary, secondary with manageAccess ≥ view, operator, auditor)',
  })
  viewUsers: boolean;
  @ApiProperty({
    description:
      'add, change and remove users, decide access requests (primary, secondary with manageAccess = update, operator; never an auditor)',
  })
  manageUsers: boolean;
  @ApiProperty({
    description: 'list contacts and recipients (primary, secondary with contactUpdates ≥ view, operator, auditor)',
  })
  viewContacts: boolean;
  @ApiProperty({
    description:
      'create, replace, review and remove contacts (primary, secondary with contactUpdates = update, operator; never an auditor); also needs a sign-in within 15 minutes (else 401 REAUTHENTICATION_REQUIRED)',
  })
  updateContacts: boolean;
  @ApiProperty({ description: 'transfer the primary contact role (the primary, operator; never an auditor)' })
  transferPrimary: boolean;
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
  @ApiProperty({
    type: () => CallerSitePermissionsDto,
    description: 'what the caller may do on this site (the console shows only what these allow)',
  })
  permissions: CallerSitePermissionsDto;
}
