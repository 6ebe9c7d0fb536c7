/**
 * User ids are compared as NFKC, lower-cased text (so "ANA@x" and "ana@x" are one person) and
 * must be printable: no controls, separators (spaces, line breaks), format characters (bidi
 * overrides, zero-width joiners) or unassigned code points that let two ids look alike.
 */
const PRINTABLE_ID = /^[^\p{C}\p{Z}]{1,254}$/u;
/** Control and format characters (line breaks, NUL, bidi overrides, zero-width) in free text. */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export function normalizeUserId(raw: string): string {
  return raw.trim().normalize('NFKC').toLowerCase();
}

export function isValidUserId(id: string): boolean {
  return PRINTABLE_ID.test(id);
}

/**
 * A token subject is taken only when it already is its own NFKC form: an identity provider's
 * "\u212Aim@x" (Kelvin sign) is another account than "kim@x", so folding it in would impersonate.
 */
export function userIdFromSubject(sub: string): string | undefined {
  const trimmed = sub.trim();
  if (trimmed !== sub || trimmed.normalize('NFKC') !== trimmed) return undefined;
  const id = normalizeUserId(trimmed);
  return isValidUserId(id) && id.normalize('NFKC') === id ? id : undefined;
}

/** Names and other single-line text a person typed: no line breaks, controls or bidi overrides. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_OR_FORMAT.test(text);
}

const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const looksLikeEmail = (text: string): boolean => EMAIL_SHAPE.test(text);
