import { DomainError } from '#core';
import { DevSignInController, isLoopback } from './dev-sign-in.controller.js';
import { JwtVerifier } from './jwt-verifier.js';

describe('development sign-in: only from this machine', () => {
  it('knows loopback addresses, IPv4-mapped ones included', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.7', '192.168.1.2', '::ffff:10.0.0.7', 'fe80::1', '', undefined].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('refuses a request from another machine with 403, and mints a verifiable token for a local one', async () => {
    const secret = 'dev-sign-in-spec-secret-dev-sign-in-spec';
    const controller = new DevSignInController({ secret });
    const refused = await controller
      .signIn({ userId: 'ops@example.com', roles: ['operator'] }, '10.0.0.7')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const local = await controller.signIn({ userId: 'dev@example.com', roles: ['operator'] }, '127.0.0.1');
    const principal = await new JwtVerifier({ key: { kind: 'secret', secret } }).verify(local.token);
    expect(principal).toMatchObject({ userId: 'dev@example.com', roles: ['operator'] });
  });
});
