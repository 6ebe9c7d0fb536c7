import { type NotificationDeliveryEvent, notificationDeliveryDecider } from './notification-delivery.js';
import { given } from '#core/testing/given-when-then';

// This decider has no rejection path: recording a delivery either records it once or, when it is
// already recorded, changes nothing (so a retried or duplicated mailer run never sends twice).
describe('notificationDeliveryDecider: RecordNotificationSent', () => {
  const record = (messageId: string) => ({
    type: 'RecordNotificationSent' as const,
    notificationId: 'n-1',
    to: 'nina@example.com',
    messageId,
  });
  const sent = (messageId: string): NotificationDeliveryEvent => ({
    type: 'NotificationSent',
    data: { notificationId: 'n-1', to: 'nina@example.com', messageId },
  });

  it('emits NotificationSent the first time', () => {
    given(notificationDeliveryDecider, [])
      .when(record('<msg-1@mailer>'))
      .then([sent('<msg-1@mailer>')]);
  });

  it('changes nothing when the notification is already recorded as sent', () => {
    given(notificationDeliveryDecider, [sent('<msg-1@mailer>')])
      .when(record('<msg-1@mailer>'))
      .thenNothing();
  });

  it('changes nothing for a second delivery with another message id', () => {
    given(notificationDeliveryDecider, [sent('<msg-1@mailer>')])
      .when(record('<msg-2@mailer>'))
      .thenNothing();
  });

  it('folds to settled', () => {
    expect(notificationDeliveryDecider.evolve(notificationDeliveryDecider.initialState(), sent('<m@x>'))).toEqual({
      settled: true,
    });
    expect(notificationDeliveryDecider.initialState()).toEqual({ settled: false });
  });
});

describe('notificationDeliveryDecider: RecordNotificationExpired', () => {
  const expire = {
    type: 'RecordNotificationExpired' as const,
    notificationId: 'n-1',
    queuedAt: '2026-01-01T00:00:00.000Z',
    maxAgeHours: 72,
  };
  const expired: NotificationDeliveryEvent = {
    type: 'NotificationExpired',
    data: { notificationId: 'n-1', queuedAt: '2026-01-01T00:00:00.000Z', maxAgeHours: 72 },
  };
  const sent: NotificationDeliveryEvent = {
    type: 'NotificationSent',
    data: { notificationId: 'n-1', to: 'nina@example.com', messageId: '<m@x>' },
  };

  it('emits NotificationExpired for an e-mail not yet sent', () => {
    given(notificationDeliveryDecider, []).when(expire).then([expired]);
  });

  it('changes nothing for an e-mail already sent, or already expired', () => {
    given(notificationDeliveryDecider, [sent]).when(expire).thenNothing();
    given(notificationDeliveryDecider, [expired]).when(expire).thenNothing();
  });

  it('an expired e-mail is never recorded as sent afterwards', () => {
    given(notificationDeliveryDecider, [expired])
      .when({ type: 'RecordNotificationSent', notificationId: 'n-1', to: 'nina@example.com', messageId: '<m@x>' })
      .thenNothing();
  });
});
