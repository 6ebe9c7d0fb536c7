import { SignJWT } from 'jose';
import { JwtVerifier } from './jwt-verifier.js';
import { mintToken } from './token-minter.js';

describe('JwtVerifier (HS256, real tokens)', () => {
  const secret = 'test-secret-of-enough-length-0123456789';
  const verifier = new JwtVerifier({ key: { kind: 'secret', secret } });

  it('turns a token into a principal: sub lower-cased, known roles only, auth_time', async () => {
    const authTime = Math.floor(Date.now() / 1000) - 60;
    const token = await new SignJWT({ roles: ['operator', 'root', 'auditor'], auth_time: authTime })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('Ana@Example.COM')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    expect(await verifier.verify(token)).toEqual({
      userId: 'ana@example.com',
      roles: ['operator', 'auditor'],
      authTime: new Date(authTime * 1000),
      email: 'ana@example.com',
    });
  });

  it('refuses look-alike and unprintable subjects instead of folding them into another id', async () => {
    for (const sub of ['\u212Aim@x.io', 'kim@x.io\r\n', 'kim @x.io', 'kim\u0000@x.io', 'kim\u202E@x.io']) {
      const token = await mintToken(secret, { sub });
      await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('takes the e-mail from a verified email claim, else from an address-shaped sub, never from an unverified claim', async () => {
    expect((await verifier.verify(await mintToken(secret, { sub: 'u-123', email: 'Kim@X.io' }))).email).toBe('kim@x.io');
    expect((await verifier.verify(await mintToken(secret, { sub: 'u-123' }))).email).toBeUndefined();
    const unverified = await new SignJWT({ email: 'boss@x.io', email_verified: false })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('kim@x.io')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    expect((await verifier.verify(unverified)).email).toBe('kim@x.io');
  });

  it('rejects expired tokens, other secrets, missing subjects and garbage as UNAUTHENTICATED', async () => {
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ana')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(secret));
    const otherSecret = await mintToken('another-secret-another-secret-xx', { sub: 'ana' });
    const noSubject = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    for (const token of [expired, otherSecret, noSubject, 'not-a-jwt']) {
      await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('checks issuer and audience when configured', async () => {
    const strict = new JwtVerifier({ key: { kind: 'secret', secret }, issuer: 'https://idp', audience: 'api' });
    const good = await mintToken(secret, { sub: 'ana', issuer: 'https://idp', audience: 'api' });
    const wrongAudience = await mintToken(secret, { sub: 'ana', issuer: 'https://idp', audience: 'other' });
    expect((await strict.verify(good)).userId).toBe('ana');
    await expect(strict.verify(wrongAudience)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
