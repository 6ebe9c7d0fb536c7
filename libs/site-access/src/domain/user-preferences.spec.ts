import { given } from '#core/testing/given-when-then';
import { type UserPreferencesEvent, userPreferencesDecider } from './user-preferences.js';

// Any e-mail may be set by the caller (validation happens at the HTTP boundary); the one
// rejection is an auditor's token, which is read-only.
describe('userPreferencesDecider: SetNotificationEmail', () => {
  const set = (email: string) => ({ type: 'SetNotificationEmail' as const, userId: 'uma', email });
  const changed = (from: string | null, to: string): UserPreferencesEvent => ({
    type: 'NotificationEmailChanged',
    data: { userId: 'uma', from, to },
  });

  it('emits NotificationEmailChanged from null the first time', () => {
    given(userPreferencesDecider, [])
      .when(set('uma@example.com'))
      .then([changed(null, 'uma@example.com')]);
  });

  it('emits NotificationEmailChanged from the current address', () => {
    given(userPreferencesDecider, [changed(null, 'uma@example.com'), changed('uma@example.com', 'uma@work.example')])
      .when(set('uma@home.example'))
      .then([changed('uma@work.example', 'uma@home.example')]);
  });

  it('emits when going back to an earlier address', () => {
    given(userPreferencesDecider, [changed(null, 'uma@example.com'), changed('uma@example.com', 'uma@work.example')])
      .when(set('uma@example.com'))
      .then([changed('uma@work.example', 'uma@example.com')]);
  });

  it('changes nothing when the address is already the current one', () => {
    given(userPreferencesDecider, [changed(null, 'uma@example.com')])
      .when(set('uma@example.com'))
      .thenNothing();
  });

  it('rejects an auditor (FORBIDDEN)', () => {
    given(userPreferencesDecider, [])
      .when({ ...set('uma@example.com'), actor: { auditor: true } })
      .thenRejects('FORBIDDEN');
  });

  it('folds to the latest address', () => {
    const state = [changed(null, 'a@example.com'), changed('a@example.com', 'b@example.com')].reduce(
      userPreferencesDecider.evolve,
      userPreferencesDecider.initialState(),
    );
    expect(state).toEqual({ email: 'b@example.com', subscribed: true });
  });
});

describe('userPreferencesDecider: the eNotification subscription', () => {
  const subscription = (from: boolean, to: boolean): UserPreferencesEvent => ({
    type: 'NotificationSubscriptionChanged',
    data: { userId: 'uma', from, to },
  });
  const choose = (command: { email?: string; subscribed?: boolean }) => ({
    type: 'SetNotificationEmail' as const,
    userId: 'uma',
    ...command,
  });

  it('is subscribed by default: opting out emits the change, opting in again too', () => {
    given(userPreferencesDecider, [])
      .when(choose({ subscribed: false }))
      .then([subscription(true, false)]);
    given(userPreferencesDecider, [subscription(true, false)])
      .when(choose({ subscribed: true }))
      .then([subscription(false, true)]);
  });

  it('changes nothing when the choice is already the current one (subscribing by default too)', () => {
    given(userPreferencesDecider, [])
      .when(choose({ subscribed: true }))
      .thenNothing();
    given(userPreferencesDecider, [subscription(true, false)])
      .when(choose({ subscribed: false }))
      .thenNothing();
  });

  it('sets the address and the subscription in one command, and only what changes', () => {
    given(userPreferencesDecider, [])
      .when(choose({ email: 'uma@example.com', subscribed: false }))
      .then([
        { type: 'NotificationEmailChanged', data: { userId: 'uma', from: null, to: 'uma@example.com' } },
        subscription(true, false),
      ]);
    given(userPreferencesDecider, [
      { type: 'NotificationEmailChanged', data: { userId: 'uma', from: null, to: 'uma@example.com' } },
    ])
      .when(choose({ email: 'uma@example.com', subscribed: false }))
      .then([subscription(true, false)]);
  });

  it('keeps the address when only the subscription changes, and the subscription when only the address does', () => {
    const state = [
      { type: 'NotificationEmailChanged', data: { userId: 'uma', from: null, to: 'a@example.com' } } as const,
      subscription(true, false),
      {
        type: 'NotificationEmailChanged',
        data: { userId: 'uma', from: 'a@example.com', to: 'b@example.com' },
      } as const,
    ].reduce(userPreferencesDecider.evolve, userPreferencesDecider.initialState());
    expect(state).toEqual({ email: 'b@example.com', subscribed: false });
  });

  it('rejects a command that sets neither (VALIDATION_FAILED), and an auditor (FORBIDDEN)', () => {
    given(userPreferencesDecider, []).when(choose({})).thenRejects('VALIDATION_FAILED');
    given(userPreferencesDecider, [])
      .when({ ...choose({ subscribed: false }), actor: { auditor: true } })
      .thenRejects('FORBIDDEN');
  });
});
