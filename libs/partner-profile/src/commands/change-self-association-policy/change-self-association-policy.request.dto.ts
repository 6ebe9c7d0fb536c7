import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SettingsDto {
  @ApiProperty() @IsBoolean() autoAcceptSelfAssociation: boolean;
}
