import { ApiProperty } from '@nestjs/swagger';
import { CommandConfirmationDto } from '#contract';

/** 201 of POST .../locations/{locationId}/self-associations. */
export class SelfAssociationResponseDto extends CommandConfirmationDto {
  @ApiProperty() associationId: string;
  @ApiProperty({ enum: ['accepted', 'pending'], description: 'accepted at once when the location auto-accepts' })
  status: 'accepted' | 'pending';
}
