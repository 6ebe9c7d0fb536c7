import { type Principal, actorOf } from '#auth';
import { type CommandService, commandServiceProvider } from '#event-store';
import type { EnterpriseCommand } from '../domain/enterprise.commands.js';
import { enterpriseDecider } from '../domain/enterprise.decider.js';
import type { EnterpriseEvent } from '../domain/enterprise.events.js';
import type { EnterpriseState } from '../domain/enterprise.state.js';
import { enterpriseStream } from '../domain/enterprise.streams.js';

/** The partner profile's aggregate on the one command path: a worldwide enterprise. */
export const ENTERPRISE_COMMANDS = Symbol('EnterpriseCommands');
export type EnterpriseCommands = CommandService<EnterpriseCommand, EnterpriseEvent, EnterpriseState, Principal>;

export const enterpriseCommandServices = [
  commandServiceProvider(ENTERPRISE_COMMANDS, { decider: enterpriseDecider, streamOf: enterpriseStream.of, actorOf }),
];
