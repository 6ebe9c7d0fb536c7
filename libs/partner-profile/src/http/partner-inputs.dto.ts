import { IsSingleLineText, IsUserId } from '../../../auth/src/index.js';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { ACCESS_ROLES, type AccessRole } from '../domain/access-roles.js';
import { KNOWN_COUNTRIES } from '../domain/regions.js';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** Location input (create or update a location). */
export class LocationInputDto {
  @ApiProperty() @IsSingleLineText(200) name: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) address: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20) postalCode: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' }) @Transform(upper) @IsIn(KNOWN_COUNTRIES, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country: string;
  @ApiProperty({ enum: [1, 2] }) @IsIn([1, 2]) partnerTier: 1 | 2;
}

export class LocationProfileDto extends OmitType(LocationInputDto, ['country'] as const) {}

/** Employee input (hire or update an employee). */
export class EmployeeInputDto {
  @ApiProperty() @IsSingleLineText(100) firstName: string;
  @ApiProperty() @IsSingleLineText(100) lastName: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) telephone?: string;
}

export class RegisterEnterpriseRequestDto {
  @ApiProperty() @IsSingleLineText(200) name: string;
  @ApiProperty() @IsSingleLineText(200) countryEnterpriseName: string;
  @ApiProperty({ type: LocationInputDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationInputDto) location: LocationInputDto;
  @ApiProperty({ type: EmployeeInputDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => EmployeeInputDto) employee: EmployeeInputDto;
}

export class CreateLocationRequestDto extends LocationInputDto {
  @ApiProperty({ type: EmployeeInputDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => EmployeeInputDto) employee: EmployeeInputDto;
}

export class SelfAssociationRequestDto extends EmployeeInputDto {
  @ApiProperty({ description: 'the location\'s company token' }) @IsString() @IsNotEmpty() @MaxLength(200) companyToken: string;
}

export class DenySelfAssociationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class SettingsDto {
  @ApiProperty() @IsBoolean() autoAcceptSelfAssociation: boolean;
}

export class AccessRoleDto {
  @ApiProperty({ enum: ACCESS_ROLES, nullable: true, description: 'null means personal_update' })
  @ValidateIf((o: AccessRoleDto) => o.accessRole !== null)
  @IsIn(ACCESS_ROLES)
  accessRole: AccessRole | null;
}

export class AssignPrcDto {
  @ApiProperty() @IsUserId() userId: string;
}

export class TciRolesDto {
  @ApiProperty() @IsBoolean() businessContact: boolean;
  @ApiProperty() @IsBoolean() secondaryBusinessContact: boolean;
}

export function employeeProfile(dto: EmployeeInputDto) {
  return { firstName: dto.firstName, lastName: dto.lastName, email: dto.email, ...(dto.telephone ? { telephone: dto.telephone } : {}) };
}

export function locationProfile(dto: LocationProfileDto) {
  return { name: dto.name, address: dto.address, city: dto.city, postalCode: dto.postalCode, partnerTier: dto.partnerTier };
}
