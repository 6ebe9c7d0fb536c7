import { forbidden } from './errors.js';

/** Who issues a command (or asks a query), as every context's domain sees them. */
export interface Actor {
  readonly userId: string;
  readonly operator: boolean;
  readonly auditor: boolean;
  /** ISO instant of the caller's last sign-in (`auth_time`), when known. */
  readonly authTime?: string;
  /** The caller's e-mail as the identity provider vouches for it (token claim), when known. */
  readonly verifiedEmail?: string;
}

/** Every command carries who asks and when; ids are chosen by the caller so deciding stays pure. */
export interface Issued {
  readonly actor: Actor;
  readonly at: string;
}

/** Whether the actor may issue commands at all: auditors read everything and change nothing, whatever else they hold. */
export function mayIssueCommands(actor: Pick<Actor, 'auditor'>): boolean {
  return !actor.auditor;
}

/** Auditors read everything and change nothing: every decider refuses their commands first. */
export function refuseAuditors(actor: Actor): void {
  if (!mayIssueCommands(actor)) throw forbidden('Auditors have read-only access: they change nothing.');
}
