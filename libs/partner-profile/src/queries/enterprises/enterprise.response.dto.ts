import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Region } from '../../domain/regions.js';

const REGIONS: Region[] = ['north_america', 'latin_america', 'emea', 'asia_pacific', 'japan'];

const ADDRESS = 'shown to PRC/APA in scope, auditors and operators only';
const OWN = 'shown to the location’s own employees, PRC/APA in scope, auditors and operators only';

/**
 * A location in the hierarchy as the caller may see it: PRC/APA in scope, auditors and operators see
 * everything; the location's own employees everything but the address; other employees its outline.
 */
export class LocationViewDto {
  @ApiProperty() locationId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ description: ADDRESS }) address?: string;
  @ApiPropertyOptional({ description: ADDRESS }) city?: string;
  @ApiPropertyOptional({ description: ADDRESS }) postalCode?: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @ApiProperty({ enum: REGIONS }) region: Region;
  @ApiProperty({ type: 'integer', enum: [1, 2] }) partnerTier: 1 | 2;
  @ApiPropertyOptional({ description: OWN }) autoAcceptSelfAssociation?: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'the Primary Relationship Contact; null while missing; shown to PRC/APA in scope, auditors, operators and the location’s distributor_pi employees only (its other employees see the PRC_MISSING warning, and distributor/view_only the PRC by name and role among the employees)',
  })
  prcUserId?: string | null;
  @ApiProperty({ type: [String], description: 'e.g. PRC_MISSING' }) warnings: string[];
  @ApiPropertyOptional({
    format: 'date-time',
    description: `when the company token was last rotated (the token itself is never shown); ${ADDRESS}`,
  })
  companyTokenRotatedAt?: string;
}

/**
 * What the caller may do at this location: each flag says whether the API would accept (commands) or
 * answer (queries) that for this caller now; `false` means `403`. The API decides every request again.
 */
export class CallerLocationPermissionsDto {
  @ApiProperty({
    description:
      'the PRC/APA commands: update the profile, change the self-association setting, approve or deny self-associations, rotate the company token, add employees, change access and TCI roles (PRC/APA in scope; never an operator or auditor)',
  })
  manage: boolean;
  @ApiProperty({
    description:
      'list the employees (GET .../employees; how much of each is shown follows the visibility rules): its own employees, PRC/APA in scope, auditors',
  })
  viewEmployees: boolean;
  @ApiProperty({
    description:
      'read the compliance summary (GET .../compliance-summary): its distributor contacts, PRC/APA in scope, auditors, operators',
  })
  viewCompliance: boolean;
}

/** What the caller may change of an enterprise or a country enterprise (`false`: the command answers `403`). */
export class CallerEnterpriseEditPermissionsDto {
  @ApiProperty({
    description:
      'rename it (the enterprise: the PRC of the worldwide HQ; a country enterprise: the PRC of its HQ or of the worldwide HQ)',
  })
  rename: boolean;
  @ApiProperty({ description: 'move its headquarters (same people as rename)' })
  moveHeadquarters: boolean;
}

/** GET .../locations/{locationId}: one location as the caller may see it. */
export class LocationDto extends LocationViewDto {
  @ApiProperty() enterpriseId: string;
  @ApiProperty() countryEnterpriseId: string;
  @ApiProperty({ description: 'whether this location is its country enterprise’s headquarters' })
  countryHeadquarters: boolean;
  @ApiProperty({ description: 'whether this location is the worldwide headquarters' }) worldwideHeadquarters: boolean;
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'when the company token was last rotated (absent: never rotated since the location was created); PRC/APA in scope only',
  })
  tokenRotatedAt?: string;
  @ApiPropertyOptional({ description: 'who last rotated the company token; PRC/APA in scope only' })
  tokenRotatedBy?: string;
  @ApiProperty({
    type: () => CallerLocationPermissionsDto,
    description: 'what the caller may do at this location (the console shows only what these allow)',
  })
  permissions: CallerLocationPermissionsDto;
}

export class CountryEnterpriseDto {
  @ApiProperty() countryEnterpriseId: string;
  @ApiProperty() country: string;
  @ApiProperty() name: string;
  @ApiProperty() headquartersLocationId: string;
  @ApiProperty({ type: () => [LocationViewDto] }) locations: LocationViewDto[];
  @ApiProperty({
    type: () => CallerEnterpriseEditPermissionsDto,
    description: 'what the caller may change of this country enterprise',
  })
  permissions: CallerEnterpriseEditPermissionsDto;
}

/** GET /v1/enterprises/{enterpriseId}: the whole hierarchy. */
export class EnterpriseDto {
  @ApiProperty() enterpriseId: string;
  @ApiProperty() name: string;
  @ApiProperty() worldwideHeadquartersLocationId: string;
  @ApiProperty({ type: () => [CountryEnterpriseDto] }) countryEnterprises: CountryEnterpriseDto[];
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty() registeredBy: string;
  @ApiProperty({
    type: () => CallerEnterpriseEditPermissionsDto,
    description: 'what the caller may change of the worldwide enterprise (the console shows only what these allow)',
  })
  permissions: CallerEnterpriseEditPermissionsDto;
}
