import { IsSingleLineText } from '#auth';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';

/** A member's details: the fields sent replace the stored ones, the others stay (at least one is needed). */
export class ChangeUserDetailsRequestDto {
  @ApiPropertyOptional() @IsOptional() @IsSingleLineText(100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsSingleLineText(100) lastName?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '+49 89 1234' }) @IsOptional() @IsSingleLineText(40) telephone?: string;
}
