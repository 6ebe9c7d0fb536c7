import { type Principal, actorOf } from '#auth';
import { type CommandService, commandServiceProvider } from '#event-store';
import type { SiteCommand } from '../domain/site.commands.js';
import { siteDecider } from '../domain/site.decider.js';
import type { SiteEvent } from '../domain/site.events.js';
import type { SiteState } from '../domain/site.state.js';
import { siteStream, userStream } from '../domain/site.streams.js';
import {
  type UserPreferencesCommand,
  type UserPreferencesEvent,
  type UserPreferencesState,
  userPreferencesDecider,
} from '../domain/user-preferences.js';

/** Site access's aggregates on the one command path: a site, and a person's preferences. */
export const SITE_COMMANDS = Symbol('SiteCommands');
export type SiteCommands = CommandService<SiteCommand, SiteEvent, SiteState, Principal>;

export const PREFERENCE_COMMANDS = Symbol('PreferenceCommands');
export type PreferenceCommands = CommandService<
  UserPreferencesCommand,
  UserPreferencesEvent,
  UserPreferencesState,
  Principal
>;

export const siteCommandServices = [
  commandServiceProvider(SITE_COMMANDS, { decider: siteDecider, streamOf: siteStream.of, actorOf }),
  commandServiceProvider(PREFERENCE_COMMANDS, { decider: userPreferencesDecider, streamOf: userStream.of, actorOf }),
];
