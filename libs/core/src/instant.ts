import { DomainError } from './errors.js';

/**
 * An instant as the API accepts it: an ISO-8601 calendar date, optionally with a time and a zone
 * (`2026-03-01`, `2026-03-01T10:00:00Z`, `2026-03-01T12:00:00.123+02:00`). Week dates, ordinal dates,
 * compact forms and impossible days (Feb 30) are refused rather than guessed at.
 */
export const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export function parseInstant(text: string): Date | undefined {
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day)
    return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** The instant a request parameter names, or a 400 naming that parameter. */
export function requireInstant(field: string, text: string): Date {
  const instant = parseInstant(text);
  if (!instant)
    throw new DomainError('VALIDATION_FAILED', `${field} is not an instant.`, [
      { field, message: `${field} must be an ISO-8601 instant such as 2026-03-01T10:00:00Z` },
    ]);
  return instant;
}
