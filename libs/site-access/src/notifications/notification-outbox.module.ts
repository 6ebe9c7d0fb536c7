import { Module } from '@nestjs/common';
import { NotificationMailer } from './notification-mailer.js';
import { NoticeScheduler } from './notice-scheduler.js';

/**
 * Drains the e-mail outbox and makes time-driven e-mails due; runs wherever the projections run
 * (API with PROJECTOR=on, or the projector).
 */
@Module({ providers: [NotificationMailer, NoticeScheduler], exports: [NotificationMailer, NoticeScheduler] })
export class NotificationOutboxModule {}
