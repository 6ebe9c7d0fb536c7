import { createHmac } from 'node:crypto';
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
    expect((await verifier.verify(await mintToken(secret, { sub: 'u-123', email: 'Kim@X.io' }))).email).toBe(
      'kim@x.io',
    );
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

  describe('hostile and invalid HS256 tokens (verified with node:crypto)', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    /** A compact JWS with any header, HMAC-SHA256-signed with `key` (the algorithm-confusion attack when the header lies). */
    const forge = (header: object, claims: object, key = secret) => {
      const signingInput = `${b64(header)}.${b64(claims)}`;
      return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
    };
    const claims = () => ({ sub: 'ana', exp: now() + 300 });
    const rejects = async (token: string, detail: RegExp) => {
      await expect(verifier.verify(token)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(detail),
      });
    };

    it('accepts a hand-made HS256 token (the forge helper signs correctly)', async () => {
      expect((await verifier.verify(forge({ alg: 'HS256', typ: 'JWT' }, claims()))).userId).toBe('ana');
    });

    it('rejects a tampered signature, payload or header', async () => {
      const good = await mintToken(secret, { sub: 'ana' });
      const [header, payload, signature] = good.split('.') as [string, string, string];
      const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
      await rejects(`${header}.${payload}.${flipped}`, /signature does not verify/);
      await rejects(
        `${header}.${b64({ sub: 'op', roles: ['operator'], exp: now() + 300 })}.${signature}`,
        /signature does not verify/,
      );
      await rejects(
        `${b64({ alg: 'HS256', typ: 'JWT', kid: 'x' })}.${payload}.${signature}`,
        /signature does not verify/,
      );
      await rejects(`${header}.${payload}.${signature}=`, /malformed/);
      await rejects(`${header}.${payload}`, /malformed/);
    });

    it('rejects alg=none, with and without a signature', async () => {
      const input = `${b64({ alg: 'none' })}.${b64(claims())}`;
      await rejects(`${input}.`, /malformed/);
      await rejects(forge({ alg: 'none' }, claims()), /malformed/);
    });

    it('rejects an HS512 or RS256 header on the HS256 secret, even when signed with that secret', async () => {
      const hs512 = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS512' })
        .setSubject('ana')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
      await rejects(hs512, /malformed or not signed with an accepted key/);
      await rejects(forge({ alg: 'RS256' }, claims()), /malformed or not signed with an accepted key/);
      await rejects(forge({ alg: 'hs256' }, claims()), /malformed or not signed with an accepted key/);
      await rejects(forge({ alg: 'HS256', crit: ['exp'] }, claims()), /malformed or not signed with an accepted key/);
    });

    it('rejects expired and not-yet-valid tokens, and non-numeric dates', async () => {
      await rejects(forge({ alg: 'HS256' }, { sub: 'ana', exp: now() - 1 }), /expired/);
      await rejects(forge({ alg: 'HS256' }, { sub: 'ana', exp: now() }), /expired/);
      await rejects(
        forge({ alg: 'HS256' }, { sub: 'ana', exp: now() + 300, nbf: now() + 60 }),
        /"nbf" claim timestamp check failed/,
      );
      await rejects(forge({ alg: 'HS256' }, { sub: 'ana', exp: String(now() + 300) }), /"exp" claim must be a number/);
      await rejects(forge({ alg: 'HS256' }, { sub: 'ana' }), /missing required "exp" claim/);
      expect(
        (await verifier.verify(forge({ alg: 'HS256' }, { sub: 'ana', exp: now() + 300, nbf: now() }))).userId,
      ).toBe('ana');
    });

    it('rejects a wrong or missing issuer and audience when configured; an audience list must include ours', async () => {
      const strict = new JwtVerifier({ key: { kind: 'secret', secret }, issuer: 'https://idp', audience: 'api' });
      const strictRejects = async (token: string, detail: RegExp) => {
        await expect(strict.verify(token)).rejects.toMatchObject({
          code: 'UNAUTHENTICATED',
          message: expect.stringMatching(detail),
        });
      };
      await strictRejects(
        await mintToken(secret, { sub: 'ana', issuer: 'https://evil', audience: 'api' }),
        /unexpected "iss" claim value/,
      );
      await strictRejects(await mintToken(secret, { sub: 'ana', audience: 'api' }), /missing required "iss" claim/);
      await strictRejects(
        await mintToken(secret, { sub: 'ana', issuer: 'https://idp' }),
        /missing required "aud" claim/,
      );
      await strictRejects(
        forge({ alg: 'HS256' }, { ...claims(), iss: 'https://idp', aud: ['other', 'more'] }),
        /unexpected "aud" claim value/,
      );
      expect(
        (await strict.verify(forge({ alg: 'HS256' }, { ...claims(), iss: 'https://idp', aud: ['other', 'api'] })))
          .userId,
      ).toBe('ana');
    });

    it('rejects payloads that are not a JSON object', async () => {
      const header = b64({ alg: 'HS256' });
      for (const body of [Buffer.from('[1]'), Buffer.from('"x"'), Buffer.from([0xff, 0xfe])]) {
        const input = `${header}.${body.toString('base64url')}`;
        await rejects(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`, /malformed/);
      }
    });
  });
});
