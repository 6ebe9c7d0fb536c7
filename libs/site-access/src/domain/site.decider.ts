import type { Decider } from '#core';
import type { SiteCommand } from './site.commands.js';
import { decideSite } from './site.decide.js';
import { type SiteEvent, siteEvents } from './site.events.js';
import { type SiteState, evolveSite, initialSiteState } from './site.state.js';
import { siteSnapshot } from './site.snapshot.js';

export const siteDecider: Decider<SiteCommand, SiteEvent, SiteState> = {
  initialState: initialSiteState,
  evolve: evolveSite,
  decide: decideSite,
  read: siteEvents.read,
  snapshot: siteSnapshot,
};
