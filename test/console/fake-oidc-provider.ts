import { createHash, randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

/**
 * A minimal OpenID Connect provider on loopback for the console's sign-in test: discovery,
 * an authorization endpoint that signs `userId` in at once (no login page) and redirects back with
 * a code, a token endpoint that insists on PKCE (S256: the verifier must hash to the challenge), and
 * the JWKS the API verifies the RS256 tokens with. CORS is open, as real providers are for SPAs.
 */
export interface FakeOidcProvider {
  readonly issuer: string;
  readonly exchanges: { clientId: string; pkceVerified: boolean; challengeMethod: string }[];
  close(): Promise<void>;
}

const base64Url = (bytes: Buffer) => bytes.toString('base64url');

export async function startFakeOidcProvider(options: {
  clientId: string;
  audience: string;
  userId: string;
}): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; method: string; redirectUri: string; clientId: string }>();
  const exchanges: FakeOidcProvider['exchanges'] = [];
  let issuer = '';

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => resolve(text));
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          code_challenge_methods_supported: ['S256'],
        });
      }
      if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
      if (url.pathname === '/authorize') {
        const p = url.searchParams;
        if (p.get('client_id') !== options.clientId || p.get('response_type') !== 'code' || !p.get('code_challenge'))
          return json(res, 400, { error: 'invalid_request' });
        const code = base64Url(randomBytes(16));
        codes.set(code, {
          challenge: p.get('code_challenge')!,
          method: p.get('code_challenge_method') ?? 'plain',
          redirectUri: p.get('redirect_uri')!,
          clientId: p.get('client_id')!,
        });
        const back = new URL(p.get('redirect_uri')!);
        back.searchParams.set('code', code);
        back.searchParams.set('state', p.get('state') ?? '');
        res.writeHead(302, { Location: back.toString() });
        return res.end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const pkceVerified =
          grant !== undefined &&
          grant.method === 'S256' &&
          base64Url(createHash('sha256').update(verifier).digest()) === grant.challenge;
        exchanges.push({ clientId: form.get('client_id') ?? '', pkceVerified, challengeMethod: grant?.method ?? '' });
        if (
          !grant ||
          !pkceVerified ||
          form.get('grant_type') !== 'authorization_code' ||
          form.get('redirect_uri') !== grant.redirectUri ||
          form.get('client_id') !== grant.clientId
        )
          return json(res, 400, { error: 'invalid_grant' });
        const now = Math.floor(Date.now() / 1000);
        const sign = (audience: string) =>
          new SignJWT({ auth_time: now, email: options.userId })
            .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
            .setIssuer(issuer)
            .setSubject(options.userId)
            .setAudience(audience)
            .setIssuedAt(now)
            .setExpirationTime(now + 600)
            .sign(privateKey);
        return json(res, 200, {
          access_token: await sign(options.audience),
          id_token: await sign(options.clientId),
          token_type: 'Bearer',
          expires_in: 600,
        });
      }
      return json(res, 404, { error: 'not_found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
