import { IsSingleLineText } from '#auth';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { LocationProfile } from '../domain/access-roles.js';
import { KNOWN_COUNTRIES } from '../domain/regions.js';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** Location input (create or update a location). */
export class LocationInputDto {
  @ApiProperty() @IsSingleLineText(200) name: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) address: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20) postalCode: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsIn(KNOWN_COUNTRIES, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country: string;
  @ApiProperty({ enum: [1, 2] }) @IsIn([1, 2]) partnerTier: 1 | 2;
}

export function locationProfile(dto: Omit<LocationInputDto, 'country'>): LocationProfile {
  return {
    name: dto.name,
    address: dto.address,
    city: dto.city,
    postalCode: dto.postalCode,
    partnerTier: dto.partnerTier,
  };
}
