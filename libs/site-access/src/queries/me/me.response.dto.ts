import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SiteRole } from '../../domain/site.events.js';
import type { NotificationKind } from '../../projections/read-models.js';
import { GrantedPrivilegesDto } from '../site-users/site-users.response.dto.js';
import { PageOf } from '#contract';

/** A site where the caller is a member, with their role. */
export class MySiteDto {
  @ApiProperty() siteId: string;
  @ApiProperty() siteName: string;
  @ApiProperty({ enum: ['primary', 'secondary', 'user'] }) role: SiteRole;
  @ApiProperty({ type: () => GrantedPrivilegesDto }) privileges: GrantedPrivilegesDto;
  @ApiProperty() grantedBy: string;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
  @ApiProperty() confirmationNumber: string;
}

/** GET /v1/me/sites. */
export class MySiteListDto extends PageOf(MySiteDto) {}

/** An e-mail queued for (or sent to) the caller. */
export class NotificationDto {
  @ApiProperty() notificationId: string;
  @ApiProperty({
    enum: ['access_decision', 'welcome', 'access_request', 'access_request_reminder', 'contact_review'],
    description:
      'access_decision and welcome are about the recipient’s own access and always sent; the others are optional',
  })
  kind: NotificationKind;
  @ApiProperty() userId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the verified address; null when the person has none (status no_verified_address)',
  })
  to: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiPropertyOptional({ description: 'the site the e-mail is about (absent for partner-profile e-mails)' })
  siteId?: string;
  @ApiPropertyOptional({ description: 'the enterprise a partner-profile e-mail is about' }) enterpriseId?: string;
  @ApiPropertyOptional({ description: 'the location a partner-profile e-mail is about' }) locationId?: string;
  @ApiProperty({ description: 'confirmation number of the transaction the e-mail is about' })
  confirmationNumber: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    enum: ['queued', 'sent', 'no_verified_address', 'expired'],
    description:
      'no_verified_address: nobody to tell, never sent (no fallback to a typed address); expired: still queued ' +
      'MAIL_MAX_AGE_HOURS after its event (e.g. the mailer was down for days), so not sent',
  })
  status: 'queued' | 'sent' | 'no_verified_address' | 'expired';
  @ApiPropertyOptional({ format: 'date-time' }) sentAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) expiredAt?: string;
}

/** GET /v1/me/notifications: newest first. */
export class NotificationListDto extends PageOf(NotificationDto) {}

/** GET /v1/me/notification-preferences. */
export class NotificationPreferencesDto {
  @ApiProperty() userId: string;
  @ApiProperty({ type: String, nullable: true, description: 'the eNotification e-mail; null when never set' }) email:
    string | null;
  @ApiProperty({
    description:
      'eNotification subscription (default true): unsubscribed people get no optional e-mails (a request to approve, ' +
      'its reminder, the monthly contact review); decisions about their own access always go out',
  })
  subscribed: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}
