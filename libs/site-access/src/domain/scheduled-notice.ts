import type { Decider } from '#core';

/**
 * E-mails that time, not a person, makes due: a reminder about an access request that has waited
 * `REMINDER_AFTER_DAYS`, and a site's monthly contact review. The scheduler (notifications/
 * notice-scheduler.ts) records each as an event in a stream of its own (`notice-reminder-<requestId>`,
 * `notice-contact-review-<siteId>-<YYYY-MM>`), so it is recorded durably and exactly once however
 * often, and by however many processes, it is found due; the outbox queues the e-mails from it.
 */
export type ScheduledNoticeEvent =
  | {
      type: 'AccessRequestReminderDue';
      data: { siteId: string; requestId: string; requestedAt: string; dueAt: string };
    }
  | { type: 'ContactReviewDue'; data: { siteId: string; month: string; dueAt: string } };

export const SCHEDULED_NOTICE_TYPES = ['AccessRequestReminderDue', 'ContactReviewDue'] as const;

export type ScheduledNoticeCommand = { type: 'RecordNoticeDue'; notice: ScheduledNoticeEvent };
export interface ScheduledNoticeState {
  readonly recorded: boolean;
}

export const scheduledNoticeDecider: Decider<ScheduledNoticeCommand, ScheduledNoticeEvent, ScheduledNoticeState> = {
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide: (command, state) => (state.recorded ? [] : [command.notice]),
};

/** The stream id of each notice: one per request's reminder, one per site and calendar month. */
export const noticeId = (notice: ScheduledNoticeEvent): string =>
  notice.type === 'AccessRequestReminderDue'
    ? `reminder-${notice.data.requestId}`
    : `contact-review-${notice.data.siteId}-${notice.data.month}`;
