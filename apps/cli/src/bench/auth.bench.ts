import { jwtVerify } from 'jose';
import { JwtVerifier, mintToken } from '#auth';
import { median } from './bench-util.js';

/**
 * (f) Bearer-token verification: the verifier the guard uses (HS256 with node:crypto, synchronous)
 * vs what it did before (jose `jwtVerify` through WebCrypto, same options), both ending in a
 * principal-ready payload. Verifications per second, median of rounds, one token as a client resends it.
 */
export async function benchAuth(count: number, rounds = 5) {
  const secret = 'bench-secret-bench-secret-bench-secret';
  const token = await mintToken(secret, {
    sub: 'ana@example.com',
    roles: ['operator'],
    issuer: 'https://idp',
    audience: 'api',
  });
  const verifier = new JwtVerifier({ key: { kind: 'secret', secret }, issuer: 'https://idp', audience: 'api' });
  const key = new TextEncoder().encode(secret);
  const viaJose = () =>
    jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: 'https://idp',
      audience: 'api',
      requiredClaims: ['sub', 'exp'],
    });
  const current: number[] = [];
  const jose: number[] = [];
  for (let round = 0; round < rounds; round++) {
    jose.push(await rate(count, viaJose));
    current.push(await rate(count, () => verifier.verify(token)));
  }
  const nodeRate = median(current);
  const joseRate = median(jose);
  return { nodeRate, joseRate, ratio: nodeRate / joseRate, microsPerVerify: 1e6 / nodeRate };
}

async function rate(count: number, verify: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await verify();
  return count / ((performance.now() - started) / 1000);
}
