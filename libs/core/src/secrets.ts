import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret of `bytes` × 8 bits, URL-safe (company tokens use 24 bytes = 192 bits). */
export function newSecretToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the event log keeps of a secret: its SHA-256, never the secret itself. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two digests in constant time (no early exit that would leak how much matched). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
