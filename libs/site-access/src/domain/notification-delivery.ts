import type { Decider } from '#core';

/**
 * Delivery of one queued e-mail is recorded as an event in its own stream, so "sent" survives
 * restarts and read-model rebuilds, and the mailer never sends the same notification twice. An
 * e-mail found queued long after the event that caused it (an outbox rebuilt after an upgrade
 * that added a kind of e-mail, a mailer down for days) is not sent: it is recorded as expired.
 */
export type NotificationDeliveryEvent =
  | { type: 'NotificationSent'; data: { notificationId: string; to: string; messageId: string } }
  | { type: 'NotificationExpired'; data: { notificationId: string; queuedAt: string; maxAgeHours: number } };

export type NotificationDeliveryCommand =
  | { type: 'RecordNotificationSent'; notificationId: string; to: string; messageId: string }
  | { type: 'RecordNotificationExpired'; notificationId: string; queuedAt: string; maxAgeHours: number };

export interface NotificationDeliveryState {
  /** Sent or expired: nothing more will be done with it. */
  readonly settled: boolean;
}

export const notificationDeliveryDecider: Decider<
  NotificationDeliveryCommand,
  NotificationDeliveryEvent,
  NotificationDeliveryState
> = {
  initialState: () => ({ settled: false }),
  evolve: () => ({ settled: true }),
  decide: (command, state) => {
    if (state.settled) return [];
    if (command.type === 'RecordNotificationSent') {
      const { notificationId, to, messageId } = command;
      return [{ type: 'NotificationSent', data: { notificationId, to, messageId } }];
    }
    const { notificationId, queuedAt, maxAgeHours } = command;
    return [{ type: 'NotificationExpired', data: { notificationId, queuedAt, maxAgeHours } }];
  },
};
