import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class TciRolesDto {
  @ApiProperty() @IsBoolean() businessContact: boolean;
  @ApiProperty() @IsBoolean() secondaryBusinessContact: boolean;
}
