import { IsSingleLineText } from '#auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Contact input: the first seven fields are mandatory. */
export class ContactInputDto {
  @ApiProperty() @IsSingleLineText(100) firstName: string;
  @ApiProperty() @IsSingleLineText(100) lastName: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(40) telephone: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) address: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) city: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20) postalCode: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) stateProvince?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) country?: string;
}

export function contactDetails(dto: ContactInputDto) {
  const { firstName, lastName, email, telephone, address, city, postalCode, stateProvince, country } = dto;
  return {
    firstName,
    lastName,
    email,
    telephone,
    address,
    city,
    postalCode,
    ...(stateProvince !== undefined ? { stateProvince } : {}),
    ...(country !== undefined ? { country } : {}),
  };
}
