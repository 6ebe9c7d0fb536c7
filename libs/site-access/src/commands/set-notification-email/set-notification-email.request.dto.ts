import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, MaxLength, ValidateIf } from 'class-validator';

/** Either or both: the eNotification address, the subscription (null is refused, not read as omitted). */
export class SetNotificationEmailRequestDto {
  @ApiPropertyOptional({ description: 'where product eNotifications go; independent of site contacts' })
  @ValidateIf((body: SetNotificationEmailRequestDto) => body.email !== undefined)
  @IsEmail()
  @MaxLength(254)
  email?: string;
  @ApiPropertyOptional({
    description: 'opt in (true, the default) or out (false) of optional e-mails; decision e-mails always go out',
  })
  @ValidateIf((body: SetNotificationEmailRequestDto) => body.subscribed !== undefined)
  @IsBoolean()
  subscribed?: boolean;
}
