import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Region } from '../../domain/regions.js';

const REGIONS: Region[] = ['north_america', 'latin_america', 'emea', 'asia_pacific', 'japan'];

export class LocationViewDto {
  @ApiProperty() locationId: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() city: string;
  @ApiProperty() postalCode: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country: string;
  @ApiProperty({ enum: REGIONS }) region: Region;
  @ApiProperty({ type: 'integer', enum: [1, 2] }) partnerTier: 1 | 2;
  @ApiProperty() autoAcceptSelfAssociation: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the Primary Relationship Contact; null while missing' })
  prcUserId: string | null;
  @ApiProperty({ type: [String], description: 'e.g. PRC_MISSING' }) warnings: string[];
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when the company token was last rotated (the token itself is never shown)',
  })
  companyTokenRotatedAt?: string;
}

export class CountryEnterpriseDto {
  @ApiProperty() countryEnterpriseId: string;
  @ApiProperty() country: string;
  @ApiProperty() name: string;
  @ApiProperty() headquartersLocationId: string;
  @ApiProperty({ type: () => [LocationViewDto] }) locations: LocationViewDto[];
}

/** GET /v1/enterprises/{enterpriseId}: the whole hierarchy. */
export class EnterpriseDto {
  @ApiProperty() enterpriseId: string;
  @ApiProperty() name: string;
  @ApiProperty() worldwideHeadquartersLocationId: string;
  @ApiProperty({ type: () => [CountryEnterpriseDto] }) countryEnterprises: CountryEnterpriseDto[];
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty() registeredBy: string;
}
