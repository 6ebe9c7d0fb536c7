import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRIVILEGE_LEVELS, type Privileges } from '../../domain/privileges.js';
import type { SiteRole } from '../../domain/site.events.js';
import { PageOf } from '#contract';

const SITE_ROLES: SiteRole[] = ['primary', 'secondary', 'user'];

/** A member's privileges: every key with its level (`none` when not granted). */
export class GrantedPrivilegesDto implements Privileges {
  @ApiProperty({ enum: PRIVILEGE_LEVELS.softwareAccess }) softwareAccess: Privileges['softwareAccess'];
  @ApiProperty({ enum: PRIVILEGE_LEVELS.reporting }) reporting: Privileges['reporting'];
  @ApiProperty({ enum: PRIVILEGE_LEVELS.entitlements }) entitlements: Privileges['entitlements'];
  @ApiProperty({ enum: PRIVILEGE_LEVELS.manageAccess }) manageAccess: Privileges['manageAccess'];
  @ApiProperty({ enum: PRIVILEGE_LEVELS.contactUpdates }) contactUpdates: Privileges['contactUpdates'];
  @ApiProperty({ enum: PRIVILEGE_LEVELS.accountDocuments }) accountDocuments: Privileges['accountDocuments'];
}

/** One member of a site: who has which access, granted by whom, when, under which confirmation number. */
export class SiteUserDto {
  @ApiProperty() siteId: string;
  @ApiProperty() userId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ description: 'when given on adding the member or by editing their details' })
  telephone?: string;
  @ApiProperty({ enum: SITE_ROLES }) role: SiteRole;
  @ApiProperty({ type: () => GrantedPrivilegesDto }) privileges: GrantedPrivilegesDto;
  @ApiProperty({ description: 'user id of who granted the access' }) grantedBy: string;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
  @ApiProperty({ description: 'confirmation number of the grant' }) confirmationNumber: string;
  @ApiProperty({
    format: 'date-time',
    description: 'when the membership last changed (role, privileges, details, a transfer); the grant until then',
  })
  lastChangedAt: string;
  @ApiProperty({ description: 'user id of who made that latest change' }) lastChangedBy: string;
  @ApiProperty({ description: 'confirmation number of that latest change' }) lastConfirmationNumber: string;
}

/** GET /v1/sites/{siteId}/users (also `?asOf=`, replayed from the event stream). */
export class SiteUserListDto extends PageOf(SiteUserDto, 'matching users in all pages') {}

/** GET /v1/sites/{siteId}/users/{userId}/access: one member's access (now, or `?asOf=`). */
export class UserAccessDto extends SiteUserDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'the instant answered for, when `?asOf=` was given' })
  asOf?: string;
}
