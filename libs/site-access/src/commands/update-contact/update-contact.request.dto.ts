import { IsUserId } from '#auth';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { CONTACT_TYPES, type ContactType } from '../../domain/contact.js';
import { ContactInputDto } from '../contact-input.dto.js';

export class UpdateContactRequestDto extends ContactInputDto {
  @ApiProperty({ enum: CONTACT_TYPES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(CONTACT_TYPES, { each: true })
  contactTypes: ContactType[];
  @ApiPropertyOptional({ description: 'links the contact to a member of the site' })
  @IsOptional()
  @IsUserId()
  userId?: string;
}
