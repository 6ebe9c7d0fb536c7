import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class SetNotificationEmailRequestDto {
  @ApiProperty({ description: 'where product eNotifications go; independent of site contacts' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}
