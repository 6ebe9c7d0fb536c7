import { type Clock, randomIds } from '#core';
import { newCommandMeta } from '#event-store/pipeline/command-meta';
import type { CommandPipeline } from '#event-store/pipeline/command-pipeline';
import type { SiteCommand } from '../domain/site.commands.js';
import { siteDecider } from '../domain/site.decider.js';
import type { Actor } from '../domain/site.permissions.js';
import { siteStream } from '../domain/site.streams.js';

/** Specs that record site events through the real command pipeline share these steps. */

/** Who issues a command, and when: now, signed in just now. */
export function issuedNow(userId: string, operator = false): { actor: Actor; at: string } {
  const at = new Date().toISOString();
  return { actor: { userId, operator, auditor: false, authTime: at }, at };
}

/** Decides `command` on its site's stream through the pipeline; a command that changes nothing is a mistake in the spec. */
export async function recordSiteCommand(pipeline: CommandPipeline, siteId: string, command: SiteCommand) {
  // Recorded at the command's own instant, as the CommandService stamps both from one clock reading.
  const issuedAt: Clock = { now: () => new Date(command.at) };
  const meta = newCommandMeta({ commandName: command.type, actorId: command.actor.userId }, issuedAt, randomIds);
  const outcome = await pipeline.execute({ stream: siteStream.of(siteId), decider: siteDecider, command, meta });
  if (!outcome.changed) throw new Error(`${command.type} changed nothing`);
  return outcome;
}

/** An operator registers `siteId` with `primary` (Pat Primary, in Munich) as its primary and administrative contact. */
export function registerSiteCommand(siteId: string, name: string, primary: string, operator: string): SiteCommand {
  return {
    type: 'RegisterSite',
    ...issuedNow(operator, true),
    siteId,
    name,
    primary: {
      userId: primary,
      firstName: 'Pat',
      lastName: 'Primary',
      email: primary,
      telephone: '+49 89 1234',
      address: 'Main Street 1',
      city: 'Munich',
      postalCode: '80331',
    },
    contactId: 'c-pat',
    contactTypes: ['administrative'],
  };
}
