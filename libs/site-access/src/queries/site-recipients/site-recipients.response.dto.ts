import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_TYPES, type ContactType } from '../../domain/contact.js';

/** Someone who receives one kind of site correspondence. */
export class RecipientDto {
  @ApiProperty({ type: String, nullable: true, description: 'null: the primary member, who has no contact record' })
  contactId: string | null;
  @ApiPropertyOptional({ description: 'the member this recipient is, when it is one' }) userId?: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
}

/** GET /v1/sites/{siteId}/recipients?type=. */
export class SiteRecipientsDto {
  @ApiProperty() siteId: string;
  @ApiProperty({ enum: CONTACT_TYPES }) type: ContactType;
  @ApiProperty({
    type: String,
    enum: ['primary_contact'],
    nullable: true,
    description: 'primary_contact: no contact has this type, so the primary contact receives it instead',
  })
  fallback: 'primary_contact' | null;
  @ApiProperty({ type: () => RecipientDto, isArray: true }) recipients: RecipientDto[];
}
