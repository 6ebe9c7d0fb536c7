import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type AppConfig, type Clock, type IdGenerator } from '#core';
import { CLOCK, CommandPipeline, ID_GENERATOR, newCommandMeta } from '#event-store';
import { DOCUMENT_STORE, type DocumentStore, ProjectionLeader, READ_STORE_CONFIG } from '#read-store';
import { monthOf } from '../domain/notification-audience.js';
import { type ScheduledNoticeEvent, noticeId, scheduledNoticeDecider } from '../domain/scheduled-notice.js';
import { noticeStream } from '../domain/site.streams.js';
import type { OutboxRequest, OutboxSite } from '../projections/notification-outbox/notification-outbox.projection.js';
import { SITE_COLLECTIONS as C } from '../projections/read-models.js';

const POLL_MS = 60_000;
const BATCH = 100;

/**
 * Makes time-driven e-mails due: a pending access request's reminder once it has waited 7 days,
 * and each site's monthly contact review once a calendar month (UTC) has begun. It reads only the
 * outbox's own collections (`notification_requests.remindAt`, `notification_sites.nextReviewAt`),
 * compares them with the Clock, and records each due notice as an event in its own stream
 * (scheduled-notice.ts), whose decider records it once: a notice found due again before the
 * outbox has projected it, after a restart, or by a second process changes nothing. The outbox
 * then queues the e-mails (and moves `remindAt` / `nextReviewAt` on), and the mailer sends them.
 * It runs where the projections run, only on the lease holder, every minute; a pass can also be
 * run at once (`runDue`, what tests do with a TestClock).
 */
@Injectable()
export class NoticeScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NoticeScheduler');
  private timer?: NodeJS.Timeout;
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
    if (!this.config.projector) return;
    this.timer = setInterval(() => {
      if (this.leader.leading)
        this.runDue().catch((error: unknown) => this.logger.error(`scheduling failed, will retry: ${String(error)}`));
    }, POLL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass.catch(() => undefined);
  }

  /** One pass, after any pass still running; answers how many notices it recorded now. */
  runDue(): Promise<number> {
    const next = this.pass.then(() => this.duePass());
    this.pass = next.catch(() => undefined);
    return next;
  }

  private async duePass(): Promise<number> {
    const now = this.clock.now().toISOString();
    const requests = await this.store
      .collection<OutboxRequest>(C.outboxRequests)
      .find({ remindAt: { $lte: now } }, { sort: { remindAt: 1 }, limit: BATCH });
    const sites = await this.store
      .collection<OutboxSite>(C.outboxSites)
      .find({ nextReviewAt: { $lte: now } }, { sort: { nextReviewAt: 1 }, limit: BATCH });
    const notices: ScheduledNoticeEvent[] = [
      ...requests.map((r): ScheduledNoticeEvent => ({
        type: 'AccessRequestReminderDue',
        data: { siteId: r.siteId, requestId: r.requestId, requestedAt: r.requestedAt, dueAt: now },
      })),
      ...sites.map((s): ScheduledNoticeEvent => ({
        type: 'ContactReviewDue',
        data: { siteId: s._id, month: monthOf(now), dueAt: now },
      })),
    ];
    let recorded = 0;
    for (const notice of notices) if (await this.record(notice)) recorded += 1;
    return recorded;
  }

  private async record(notice: ScheduledNoticeEvent): Promise<boolean> {
    const outcome = await this.pipeline.execute({
      stream: noticeStream.of(noticeId(notice)),
      decider: scheduledNoticeDecider,
      command: { type: 'RecordNoticeDue', notice },
      meta: newCommandMeta({ commandName: 'RecordNoticeDue', actorId: 'system:scheduler' }, this.clock, this.ids),
    });
    return outcome.changed;
  }
}
