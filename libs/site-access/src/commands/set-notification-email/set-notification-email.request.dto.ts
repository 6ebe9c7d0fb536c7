import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, MaxLength } from 'class-validator';

/** Either or both: the eNotification address, the subscription. */
export class SetNotificationEmailRequestDto {
  @ApiPropertyOptional({ description: 'where product eNotifications go; independent of site contacts' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional({
    description: 'opt in (true, the default) or out (false) of optional e-mails; decision e-mails always go out',
  })
  @IsOptional()
  @IsBoolean()
  subscribed?: boolean;
}
