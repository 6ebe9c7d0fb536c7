import { IsUserId } from '#auth';
import { ApiProperty } from '@nestjs/swagger';

export class AssignPrcDto {
  @ApiProperty() @IsUserId() userId: string;
}
