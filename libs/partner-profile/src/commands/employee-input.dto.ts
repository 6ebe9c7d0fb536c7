import { IsSingleLineText } from '#auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import type { EmployeeProfile } from '../domain/access-roles.js';

/** Employee input (hire or update an employee); also the whole body of an employee's profile update. */
export class EmployeeInputDto {
  @ApiProperty() @IsSingleLineText(100) firstName: string;
  @ApiProperty() @IsSingleLineText(100) lastName: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) telephone?: string;
}

export function employeeProfile(dto: EmployeeInputDto): EmployeeProfile {
  return {
    firstName: dto.firstName,
    lastName: dto.lastName,
    email: dto.email,
    ...(dto.telephone ? { telephone: dto.telephone } : {}),
  };
}
