import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CONTACT_TYPES, type ContactType } from '../../domain/contact.js';

/** `?type=`: which kind of correspondence. */
export class SiteRecipientsQueryDto {
  @ApiProperty({ enum: CONTACT_TYPES })
  @IsIn(CONTACT_TYPES)
  type: ContactType;
}
