import type { Decider } from '#core';

/**
 * Delivery of one queued e-mail is recorded as an event in its own stream, so "sent" survives
 * restarts and read-model rebuilds, and the mailer never sends the same notification twice.
 */
export type NotificationDeliveryEvent = {
  type: 'NotificationSent';
  data: { notificationId: string; to: string; messageId: string };
};
export type NotificationDeliveryCommand = {
  type: 'RecordNotificationSent';
  notificationId: string;
  to: string;
  messageId: string;
};
export interface NotificationDeliveryState {
  readonly sent: boolean;
}

export const notificationDeliveryDecider: Decider<
  NotificationDeliveryCommand,
  NotificationDeliveryEvent,
  NotificationDeliveryState
> = {
  initialState: () => ({ sent: false }),
  evolve: () => ({ sent: true }),
  decide: (command, state) =>
    state.sent
      ? []
      : [
          {
            type: 'NotificationSent',
            data: { notificationId: command.notificationId, to: command.to, messageId: command.messageId },
          },
        ],
};
