import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_TYPES, type ContactType } from '../../domain/contact.js';
import { PageOf } from '#contract';

/** A site contact. */
export class SiteContactDto {
  @ApiProperty() contactId: string;
  @ApiProperty() siteId: string;
  @ApiPropertyOptional({ description: 'the member this contact is, when it is one' }) userId?: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiProperty() telephone: string;
  @ApiProperty() address: string;
  @ApiProperty() city: string;
  @ApiProperty() postalCode: string;
  @ApiPropertyOptional() stateProvince?: string;
  @ApiPropertyOptional() country?: string;
  @ApiProperty({ enum: CONTACT_TYPES, isArray: true }) contactTypes: ContactType[];
  @ApiProperty() updatedBy: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() confirmationNumber: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'last monthly review (POST …/contacts/{c}/review); absent: never',
  })
  reviewedAt?: string;
  @ApiPropertyOptional({ description: 'who last reviewed it' }) reviewedBy?: string;
}

/** GET /v1/sites/{siteId}/contacts. */
export class SiteContactListDto extends PageOf(SiteContactDto) {}
