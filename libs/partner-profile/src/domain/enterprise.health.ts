import type { AccessRole } from './access-roles.js';

export type LocationWarning = 'PRC_MISSING';

/** A location without a PRC (it left, or none was ever assigned) carries `PRC_MISSING` until one is assigned. */
export function locationWarnings(prcUserId: string | null): LocationWarning[] {
  return prcUserId ? [] : ['PRC_MISSING'];
}

export interface PrcRecipient {
  readonly userId: string;
  readonly email: string;
  readonly reason: 'prc' | 'apa_fallback';
}

/**
 * Who receives the PRC's communications at a location: the PRC; while the PRC is missing, every
 * APA with an e-mail instead (in the order given).
 */
export function prcCommunicationRecipients(
  employees: readonly { userId: string; email: string; accessRole: AccessRole }[],
): PrcRecipient[] {
  const prc = employees.find((e) => e.accessRole === 'prc');
  if (prc) return [{ userId: prc.userId, email: prc.email, reason: 'prc' }];
  return employees
    .filter((e) => e.accessRole === 'apa' && e.email)
    .map((e) => ({ userId: e.userId, email: e.email, reason: 'apa_fallback' }));
}
