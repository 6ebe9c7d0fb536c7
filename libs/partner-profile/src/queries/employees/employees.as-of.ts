import type { RecordedEvent } from '#core';
import { enterpriseEvents } from '../../domain/enterprise.events.js';
import { evolveEnterprise, initialEnterpriseState } from '../../domain/enterprise.state.js';

/** A location's employees after exactly these events (a replay up to an instant), by name; only `onlyUserId` when given. */
export function employeesAsOf(events: readonly RecordedEvent[], locationId: string, onlyUserId?: string) {
  const state = events.reduce((s, e) => {
    const event = enterpriseEvents.read(e);
    return event ? evolveEnterprise(s, event) : s;
  }, initialEnterpriseState());
  return [...state.employees.values()]
    .filter((e) => e.locationId === locationId && (!onlyUserId || e.userId === onlyUserId))
    .sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.userId.localeCompare(b.userId),
    );
}
