import type { RecordedEvent } from '#core';
import { enterpriseEvents } from '../../domain/enterprise.events.js';
import { employeeKey, evolveEnterprise, initialEnterpriseState } from '../../domain/enterprise.state.js';

/**
 * A location's employees after exactly these events (a replay up to an instant), by name; only
 * `onlyUserId` when given. Each carries the confirmation number of the join that made them an employee.
 */
export function employeesAsOf(events: readonly RecordedEvent[], locationId: string, onlyUserId?: string) {
  const joins = new Map<string, string>();
  const state = events.reduce((s, e) => {
    const event = enterpriseEvents.read(e);
    if (event?.type === 'EmployeeJoined')
      joins.set(employeeKey(event.data.locationId, event.data.userId), e.metadata.confirmationNumber);
    return event ? evolveEnterprise(s, event) : s;
  }, initialEnterpriseState());
  return [...state.employees.values()]
    .map((e) => ({ ...e, confirmationNumber: joins.get(employeeKey(e.locationId, e.userId)) ?? '' }))
    .filter((e) => e.locationId === locationId && (!onlyUserId || e.userId === onlyUserId))
    .sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.userId.localeCompare(b.userId),
    );
}
