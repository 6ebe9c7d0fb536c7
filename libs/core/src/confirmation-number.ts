import { randomBytes } from 'node:crypto';

// Crockford base-32: no I, L, O or U, so numbers read aloud over the phone survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12; // 12 × 5 bits = 60 bits of randomness

/** A new confirmation number such as `7KQ2-M9XD-4PTR`. */
export function newConfirmationNumber(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(LENGTH);
  let out = '';
  for (let i = 0; i < LENGTH; i++) out += ALPHABET[bytes[i]! & 31];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/**
 * Canonical form of a confirmation number typed by a person: case-insensitive, dashes and spaces
 * optional, Crockford's look-alikes (O→0, I/L→1) accepted. Undefined when it cannot be one.
 */
export function normalizeConfirmationNumber(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}`;
}
