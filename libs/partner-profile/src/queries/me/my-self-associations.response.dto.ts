import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '#contract';

/** One of the caller's requests to join a location: what became of it and its confirmation number. */
export class MySelfAssociationDto {
  @ApiProperty() associationId: string;
  @ApiProperty() enterpriseId: string;
  @ApiProperty() locationId: string;
  @ApiProperty({ description: 'the location’s name now (empty when it is no longer known)' }) locationName: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'denied'] }) status: 'pending' | 'accepted' | 'denied';
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ description: 'of the request' }) confirmationNumber: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional({ description: 'why it was denied, when the administrator gave a reason' }) reason?: string;
}

/** GET /v1/me/self-associations: newest first. */
export class MySelfAssociationListDto extends PageOf(MySelfAssociationDto) {}
