import { Module } from '@nestjs/common';
import { NotificationMailer } from './notification-mailer.js';

/** Drains the e-mail outbox; runs wherever the projections run (API with PROJECTOR=on, or the projector). */
@Module({ providers: [NotificationMailer], exports: [NotificationMailer] })
export class NotificationOutboxModule {}
