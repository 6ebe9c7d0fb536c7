import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { EnterpriseReads } from '../../application/enterprise-reads.js';
import { forbidden } from '#core';
import { viewerOf } from '../../application/enterprise-read-access.js';
import { prcCommunicationRecipients } from '../../domain/enterprise.health.js';
import {
  locationAsSeen,
  locationDetail,
  maySeeEnterprise,
  maySeeTokenRotation,
} from '../../domain/enterprise.visibility.js';
import type { LocationDto } from '../enterprises/enterprise.response.dto.js';
import { complianceSummary, mayReadComplianceSummary } from '../../domain/enterprise.compliance.js';
import { callerLocationPermissions } from '../../domain/enterprise.permissions.js';
import type { ComplianceSummaryDto } from './compliance-summary.response.dto.js';
import { type EmployeeDocument, PARTNER_COLLECTIONS as C } from '../../projections/read-models.js';
import type { PrcRecipientsDto } from './prc-recipients.response.dto.js';

/** Who receives a location's PRC communications (domain rule: the PRC, or its APAs while it is missing). */
export class PrcRecipientsQuery extends Query<PrcRecipientsDto> {
  constructor(
    readonly principal: Principal,
    readonly enterpriseId: string,
    readonly locationId: string,
  ) {
    super();
  }
}

@QueryHandler(PrcRecipientsQuery)
export class PrcRecipientsHandler implements IQueryHandler<PrcRecipientsQuery> {
  constructor(@Inject(EnterpriseReads) private readonly reads: EnterpriseReads) {}

  async execute({ principal, enterpriseId, locationId }: PrcRecipientsQuery): Promise<PrcRecipientsDto> {
    await this.reads.access.requireManager(enterpriseId, locationId, principal, ['operator']);
    const admins = await this.reads.store
      .collection<EmployeeDocument>(C.employees)
      .find({ locationId, accessRole: { $in: ['prc', 'apa'] } }, { sort: { userId: 1 } });
    return { recipients: prcCommunicationRecipients(admins) };
  }
}

/** One location as the caller may see it; its PRC/APA in scope also learn when and by whom its token was last rotated. */
export class GetLocationQuery extends Query<LocationDto> {
  constructor(
    readonly principal: Principal,
    readonly enterpriseId: string,
    readonly locationId: string,
  ) {
    super();
  }
}

@QueryHandler(GetLocationQuery)
export class GetLocationHandler implements IQueryHandler<GetLocationQuery> {
  constructor(@Inject(EnterpriseReads) private readonly reads: EnterpriseReads) {}

  async execute({ principal, enterpriseId, locationId }: GetLocationQuery): Promise<LocationDto> {
    const caller = await this.reads.access.caller(enterpriseId, principal);
    const viewer = viewerOf(principal);
    if (!maySeeEnterprise(viewer, caller.employments.length)) {
      throw forbidden('Only employees of this enterprise, auditors and operators may see its locations.');
    }
    const location = caller.location(locationId);
    const country = caller.enterprise.countryEnterprises.find((c) =>
      c.locations.some((l) => l.locationId === locationId),
    )!;
    const manages = caller.manages(locationId);
    const ownRole = caller.employments.find((e) => e.locationId === locationId)?.accessRole;
    return {
      ...(locationAsSeen(locationDetail(viewer, manages, ownRole), location) as LocationDto),
      enterpriseId,
      countryEnterpriseId: country.countryEnterpriseId,
      countryHeadquarters: country.headquartersLocationId === locationId,
      worldwideHeadquarters: caller.enterprise.worldwideHeadquartersLocationId === locationId,
      ...(maySeeTokenRotation(manages) && location.companyTokenRotatedAt
        ? { tokenRotatedAt: location.companyTokenRotatedAt, tokenRotatedBy: location.companyTokenRotatedBy! }
        : {}),
      permissions: callerLocationPermissions(viewer, caller.employments, caller.scope, locationId),
    };
  }
}

/** A location's compliance facts for its distributor contacts (and PRC/APA in scope, auditors, operators). */
export class ComplianceSummaryQuery extends Query<ComplianceSummaryDto> {
  constructor(
    readonly principal: Principal,
    readonly enterpriseId: string,
    readonly locationId: string,
  ) {
    super();
  }
}

@QueryHandler(ComplianceSummaryQuery)
export class ComplianceSummaryHandler implements IQueryHandler<ComplianceSummaryQuery> {
  constructor(@Inject(EnterpriseReads) private readonly reads: EnterpriseReads) {}

  async execute({ principal, enterpriseId, locationId }: ComplianceSummaryQuery): Promise<ComplianceSummaryDto> {
    const caller = await this.reads.access.caller(enterpriseId, principal);
    const location = caller.location(locationId);
    const ownRole = caller.employments.find((e) => e.locationId === locationId)?.accessRole;
    if (!mayReadComplianceSummary(viewerOf(principal), caller.manages(locationId), ownRole)) {
      throw forbidden(
        'Only distributor contacts of this location, its PRC/APA in scope, auditors and operators may see this.',
      );
    }
    const employees = await this.reads.store.collection<EmployeeDocument>(C.employees).find({ locationId });
    return complianceSummary(location, employees);
  }
}
