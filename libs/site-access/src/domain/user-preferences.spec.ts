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
    expect(state).toEqual({ email: 'b@example.com' });
  });
});
