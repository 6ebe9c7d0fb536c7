import type { Position } from '#core';
import type { CommandOutcome } from './command-pipeline.js';

/** What every command answers over HTTP: the transaction's proof, or that nothing changed. */
export type CommandResponse = { confirmationNumber: string; position: Position } | { changed: false };

export function toCommandResponse(outcome: CommandOutcome<unknown>): CommandResponse {
  return outcome.changed
    ? { confirmationNumber: outcome.confirmationNumber, position: outcome.position }
    : { changed: false };
}
