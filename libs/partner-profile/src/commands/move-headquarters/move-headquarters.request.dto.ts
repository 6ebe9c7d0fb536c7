import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** PUT .../headquarters (worldwide) or .../country-enterprises/{c}/headquarters: the new HQ location. */
export class MoveHeadquartersRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() locationId: string;
}
