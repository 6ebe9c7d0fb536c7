import type { Principal } from '#auth';
import { secretDigest } from '#core';
import type { CommandResponse } from '#event-store';
import type { EnterpriseCommands } from '../../application/enterprise-commands.js';
import type { EmployeeProfile } from '../../domain/access-roles.js';

export interface RequestSelfAssociation {
  readonly companyToken: string;
  readonly employee: EmployeeProfile;
}

export type SelfAssociationResult = { associationId: string; status: 'accepted' | 'pending' } & CommandResponse;

/** Checks the presented token by its digest; a location that auto-accepts lets the caller join at once. */
export async function requestSelfAssociation(
  enterprises: EnterpriseCommands,
  principal: Principal,
  enterpriseId: string,
  locationId: string,
  { companyToken, employee }: RequestSelfAssociation,
): Promise<SelfAssociationResult> {
  const done = await enterprises.execute(enterpriseId, principal, {
    type: 'RequestSelfAssociation',
    locationId,
    associationId: enterprises.newId(),
    companyTokenDigest: secretDigest(companyToken),
    employee,
  });
  const { associationId } = done.the('EmployeeSelfAssociationRequested').data;
  return { associationId, status: done.has('EmployeeJoined') ? 'accepted' : 'pending', ...done.response };
}
