import { REDACTED, withoutContactDetails } from './contact.redaction.js';

/** The keys that say who a person is and how to reach them. */
const PERSONAL_KEYS = ['userId', 'firstName', 'lastName', 'email', 'verifiedEmail', 'telephone'] as const;

type Payload = Record<string, unknown>;

const isObject = (value: unknown): value is Payload =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A person's part of a payload, as someone else sees it: nothing that says who they are. */
function aboutSomeoneElse(part: Payload, userId: string): Payload {
  if (typeof part.userId !== 'string' || part.userId === userId) return part;
  const kept = { ...part };
  for (const key of PERSONAL_KEYS) if (key in kept) kept[key] = REDACTED;
  return kept;
}

/**
 * A site event as the person it is about sees it (their own confirmation): their own data as
 * recorded, contact details redacted as for anyone without contact rights, and every other person
 * the payload names (a transfer's other party) reduced to `(redacted)`. Who acted (the approver)
 * stays: the decision e-mail names them too.
 */
export function asSeenByTarget(
  event: { type: string; data: Payload },
  userId: string,
): { type: string; data: Payload } {
  const { type, data } = withoutContactDetails(event);
  const top = aboutSomeoneElse(data, userId);
  const seen = Object.fromEntries(
    Object.entries(top).map(([key, value]) => [key, isObject(value) ? aboutSomeoneElse(value, userId) : value]),
  );
  return { type, data: seen };
}
