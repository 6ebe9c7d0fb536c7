import { type Decider, forbidden } from '#core';

/** eNotification e-mail: per person, never changed by a site contact's e-mail. */
export type UserPreferencesEvent = {
  type: 'NotificationEmailChanged';
  data: { userId: string; from: string | null; to: string };
};
export type UserPreferencesCommand = {
  type: 'SetNotificationEmail';
  userId: string;
  email: string;
  actor?: { auditor: boolean };
};
export interface UserPreferencesState {
  readonly email: string | null;
}

export const userPreferencesDecider: Decider<UserPreferencesCommand, UserPreferencesEvent, UserPreferencesState> = {
  initialState: () => ({ email: null }),
  evolve: (_state, event) => ({ email: event.data.to }),
  decide: (command, state) => {
    if (command.actor?.auditor) throw forbidden('Auditors have read-only access: they change nothing.');
    return command.email === state.email
      ? []
      : [{ type: 'NotificationEmailChanged', data: { userId: command.userId, from: state.email, to: command.email } }];
  },
};
