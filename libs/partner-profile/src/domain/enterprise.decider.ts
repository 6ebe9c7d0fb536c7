import type { Decider } from '#core';
import type { EnterpriseCommand } from './enterprise.commands.js';
import { decideEnterprise } from './enterprise.decide.js';
import { type EnterpriseEvent, enterpriseEvents } from './enterprise.events.js';
import { type EnterpriseState, evolveEnterprise, initialEnterpriseState } from './enterprise.state.js';
import { enterpriseSnapshot } from './enterprise.snapshot.js';

export const enterpriseDecider: Decider<EnterpriseCommand, EnterpriseEvent, EnterpriseState> = {
  initialState: initialEnterpriseState,
  evolve: evolveEnterprise,
  decide: decideEnterprise,
  read: enterpriseEvents.read,
  snapshot: enterpriseSnapshot,
};
