import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { type AppConfig, type Clock, type IdGenerator } from '#core';
import { CLOCK, CommandPipeline, ID_GENERATOR, newCommandMeta } from '#event-store';
import { DOCUMENT_STORE, type DocumentStore, ProjectionLeader, READ_STORE_CONFIG } from '#read-store';
import { type NotificationDeliveryCommand, notificationDeliveryDecider } from '../domain/notification-delivery.js';
import { SITE_COLLECTIONS as C, type NotificationDocument } from '../projections/read-models.js';
import { notificationStream } from '../domain/site.streams.js';

const POLL_MS = 500;
const BATCH = 50;

/**
 * Sends queued e-mails when SMTP_URL is set; otherwise they stay in the outbox and are logged.
 * Before sending it checks the notification's delivery stream, after sending it records
 * NotificationSent there: a restart or a read-model rebuild never sends an e-mail twice. Passes
 * never overlap within a process, and exactly one process runs the mailer (the one that runs the
 * projections). A crash between the SMTP hand-off and that record could repeat one send; the
 * Message-ID is the notification id, so mail systems can drop the duplicate. An address the
 * server refuses is logged and retried on later passes without holding up the others.
 */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly logged = new Set<string>();
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private pass: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(READ_STORE_CONFIG) private readonly config: AppConfig,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(ProjectionLeader) private readonly leader: ProjectionLeader,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.projector) return; // the process that feeds the outbox also drains it
    if (this.config.smtpUrl) this.transport = nodemailer.createTransport(this.config.smtpUrl);
    else this.logger.log('SMTP_URL not set: e-mails stay in the outbox (GET /v1/me/notifications) and are logged');
    this.timer = setInterval(() => void this.tick(), POLL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  private async tick(): Promise<void> {
    // Only the projector holding the lease sends: two replicas never deliver the same e-mail.
    if (this.running || !this.leader.leading) return;
    this.running = this.deliverQueued()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`delivery failed, will retry: ${String(error)}`))
      .finally(() => (this.running = undefined));
  }

  /** One pass over the outbox, after any pass still running; answers how many e-mails it sent. */
  deliverQueued(): Promise<number> {
    const next = this.pass.then(() => this.deliverPass());
    this.pass = next.catch(() => undefined);
    return next;
  }

  private async deliverPass(): Promise<number> {
    const queued = await this.store
      .collection<NotificationDocument>(C.notifications)
      .find({ status: 'queued' }, { sort: { createdAt: 1 }, limit: BATCH });
    let sent = 0;
    for (const mail of queued) {
      if (!this.transport) {
        if (!this.logged.has(mail._id))
          this.logger.log(`queued e-mail to ${mail.to}: ${mail.subject} (${mail.confirmationNumber})`);
        this.logged.add(mail._id);
        continue;
      }
      try {
        if (await this.deliver(mail, this.transport)) sent += 1;
      } catch (error) {
        this.logger.warn(
          `could not send notification ${mail.notificationId} to ${mail.to} (will retry): ${String(error)}`,
        );
      }
    }
    return sent;
  }

  /** Sends one e-mail unless its delivery is already recorded; answers whether it sent it now. */
  private async deliver(mail: NotificationDocument, transport: Transporter): Promise<boolean> {
    const stream = notificationStream.of(mail.notificationId);
    if ((await this.pipeline.load(stream, notificationDeliveryDecider)).state.settled) return false;
    const maxAgeHours = this.config.mailMaxAgeHours;
    if (Date.parse(mail.createdAt) < this.clock.now().getTime() - maxAgeHours * 3_600_000) {
      await this.record(stream, {
        type: 'RecordNotificationExpired',
        notificationId: mail.notificationId,
        queuedAt: mail.createdAt,
        maxAgeHours,
      });
      this.logger.warn(
        `did not send notification ${mail.notificationId} (${mail.kind}, ${mail.createdAt}): older than MAIL_MAX_AGE_HOURS=${maxAgeHours}`,
      );
      return false;
    }
    const info = await transport.sendMail({
      from: this.config.smtpFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.body,
      messageId: `<${mail.notificationId}@access-governance>`,
    });
    return this.record(stream, {
      type: 'RecordNotificationSent',
      notificationId: mail.notificationId,
      to: mail.to,
      messageId: String(info.messageId),
    });
  }

  private async record(stream: string, command: NotificationDeliveryCommand): Promise<boolean> {
    const outcome = await this.pipeline.execute({
      stream,
      decider: notificationDeliveryDecider,
      command,
      meta: newCommandMeta({ commandName: command.type, actorId: 'system:mailer' }, this.clock, this.ids),
    });
    return outcome.changed;
  }
}
