import { IsSingleLineText } from '#auth';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class RequestAccessRequestDto {
  @ApiProperty() @IsSingleLineText(100) firstName: string;
  @ApiProperty() @IsSingleLineText(100) lastName: string;
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 10, maxLength: 2000 }) @IsString() @Length(10, 2000) businessJustification: string;
}
