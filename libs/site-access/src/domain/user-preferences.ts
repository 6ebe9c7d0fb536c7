import { type Decider, DomainError, forbidden, mayIssueCommands } from '#core';

/**
 * eNotification preferences, per person, never changed by a site contact's e-mail: the address
 * product e-mails go to, and whether the person receives the optional ones (subscribed, the
 * default; see notification-audience.ts for which e-mails are optional).
 */
export type UserPreferencesEvent =
  | { type: 'NotificationEmailChanged'; data: { userId: string; from: string | null; to: string } }
  | { type: 'NotificationSubscriptionChanged'; data: { userId: string; from: boolean; to: boolean } };
export type UserPreferencesCommand = {
  type: 'SetNotificationEmail';
  userId: string;
  /** Omitted: the address stays as it is. */
  email?: string;
  /** Omitted: the subscription stays as it is. */
  subscribed?: boolean;
  actor?: { auditor: boolean };
};
export interface UserPreferencesState {
  readonly email: string | null;
  readonly subscribed: boolean;
}

export const userPreferencesDecider: Decider<UserPreferencesCommand, UserPreferencesEvent, UserPreferencesState> = {
  initialState: () => ({ email: null, subscribed: true }),
  evolve: (state, event) =>
    event.type === 'NotificationEmailChanged'
      ? { ...state, email: event.data.to }
      : { ...state, subscribed: event.data.to },
  decide: (command, state) => {
    if (command.actor && !mayIssueCommands(command.actor))
      throw forbidden('Auditors have read-only access: they change nothing.');
    if (command.email === undefined && command.subscribed === undefined)
      throw new DomainError('VALIDATION_FAILED', 'Give an e-mail, a subscription choice or both.', [
        { field: 'email', message: 'email or subscribed must be given' },
      ]);
    const events: UserPreferencesEvent[] = [];
    if (command.email !== undefined && command.email !== state.email)
      events.push({
        type: 'NotificationEmailChanged',
        data: { userId: command.userId, from: state.email, to: command.email },
      });
    if (command.subscribed !== undefined && command.subscribed !== state.subscribed)
      events.push({
        type: 'NotificationSubscriptionChanged',
        data: { userId: command.userId, from: state.subscribed, to: command.subscribed },
      });
    return events;
  },
};
