import { IsUserId } from '../../../../auth/src/index.js';
import { ApiProperty } from '@nestjs/swagger';

export class AssignPrcDto {
  @ApiProperty() @IsUserId() userId: string;
}
