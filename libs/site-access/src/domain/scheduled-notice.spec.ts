import { given } from '#core/testing/given-when-then';
import { type ScheduledNoticeEvent, noticeId, scheduledNoticeDecider } from './scheduled-notice.js';

describe('scheduledNoticeDecider: a due notice is recorded once', () => {
  const reminder: ScheduledNoticeEvent = {
    type: 'AccessRequestReminderDue',
    data: {
      siteId: '1001',
      requestId: 'r-1',
      requestedAt: '2026-03-01T10:00:00.000Z',
      dueAt: '2026-03-08T10:00:01.000Z',
    },
  };
  const review: ScheduledNoticeEvent = {
    type: 'ContactReviewDue',
    data: { siteId: '1001', month: '2026-04', dueAt: '2026-04-01T00:00:30.000Z' },
  };
  const record = (notice: ScheduledNoticeEvent) => ({ type: 'RecordNoticeDue' as const, notice });

  it('records the notice the first time it is found due', () => {
    given(scheduledNoticeDecider, []).when(record(reminder)).then([reminder]);
    given(scheduledNoticeDecider, []).when(record(review)).then([review]);
  });

  it('records nothing when it is found due again (a later pass, a restart, another process)', () => {
    given(scheduledNoticeDecider, [reminder])
      .when(record({ ...reminder, data: { ...reminder.data, dueAt: '2026-03-09T00:00:00.000Z' } }))
      .thenNothing();
    given(scheduledNoticeDecider, [review]).when(record(review)).thenNothing();
  });

  it('gives each request one reminder stream and each site one review stream per month', () => {
    expect(noticeId(reminder)).toBe('reminder-r-1');
    expect(noticeId(review)).toBe('contact-review-1001-2026-04');
    expect(noticeId({ ...review, data: { ...review.data, month: '2026-05' } })).toBe('contact-review-1001-2026-05');
  });
});
