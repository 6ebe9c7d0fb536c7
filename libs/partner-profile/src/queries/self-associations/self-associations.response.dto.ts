import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '#contract';

/** A request to join a location as its employee. */
export class SelfAssociationDto {
  @ApiProperty() associationId: string;
  @ApiProperty() enterpriseId: string;
  @ApiProperty() locationId: string;
  @ApiProperty() userId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional() telephone?: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'denied'] }) status: 'pending' | 'accepted' | 'denied';
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty() confirmationNumber: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional() reason?: string;
}

/** GET .../locations/{locationId}/self-associations: newest first. */
export class SelfAssociationListDto extends PageOf(SelfAssociationDto) {}
