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

  it('folds to sent', () => {
    expect(notificationDeliveryDecider.evolve(notificationDeliveryDecider.initialState(), sent('<m@x>'))).toEqual({
      sent: true,
    });
    expect(notificationDeliveryDecider.initialState()).toEqual({ sent: false });
  });
});
