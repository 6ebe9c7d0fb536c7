import { IsSingleLineText, IsUserId } from '#auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsDefined, IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CONTACT_TYPES, type ContactType } from '../../domain/contact.js';
import { ContactInputDto } from '../contact-input.dto.js';

export class PrimaryContactInputDto extends ContactInputDto {
  @ApiProperty({ example: 'ana@example.com', description: "the person's user id (the `sub` of their tokens)" })
  @IsUserId()
  userId: string;

  @ApiPropertyOptional({ enum: CONTACT_TYPES, isArray: true, default: ['administrative'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(CONTACT_TYPES, { each: true })
  contactTypes?: ContactType[];
}

export class RegisterSiteRequestDto {
  @ApiProperty({ example: '1234567' })
  @Matches(/^\d{4,10}$/, { message: 'siteId must be 4 to 10 digits' })
  siteId: string;

  @ApiProperty({ example: 'Acme Corp — Munich' })
  @IsSingleLineText(200)
  name: string;

  @ApiProperty({ type: PrimaryContactInputDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PrimaryContactInputDto)
  primaryContact: PrimaryContactInputDto;
}
