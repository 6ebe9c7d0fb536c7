import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { forbidden } from '#core';
import { viewerOf } from '../../application/enterprise-read-access.js';
import { EnterpriseReads } from '../../application/enterprise-reads.js';
import {
  callerCountryEnterprisePermissions,
  callerEnterprisePermissions,
} from '../../domain/enterprise.permissions.js';
import { locationAsSeen, locationDetail, maySeeEnterprise } from '../../domain/enterprise.visibility.js';
import type { EnterpriseDto, LocationViewDto } from './enterprise.response.dto.js';

export class GetEnterpriseQuery extends Query<EnterpriseDto> {
  constructor(
    readonly principal: Principal,
    readonly enterpriseId: string,
  ) {
    super();
  }
}

@QueryHandler(GetEnterpriseQuery)
export class GetEnterpriseHandler implements IQueryHandler<GetEnterpriseQuery> {
  constructor(@Inject(EnterpriseReads) private readonly reads: EnterpriseReads) {}

  async execute({ principal, enterpriseId }: GetEnterpriseQuery): Promise<EnterpriseDto> {
    const { enterprise, employments, scope, manages } = await this.reads.access.caller(enterpriseId, principal);
    const viewer = viewerOf(principal);
    if (!maySeeEnterprise(viewer, employments.length)) {
      throw forbidden('Only employees of this enterprise, auditors and operators may see it.');
    }
    const { _id, position, countryEnterprises, ...hierarchy } = enterprise;
    // Addresses and other locations' details only to PRC/APA in scope, auditors and operators.
    const roleAt = new Map(employments.map((e) => [e.locationId, e.accessRole]));
    return {
      ...hierarchy,
      permissions: callerEnterprisePermissions(viewer, employments, scope),
      countryEnterprises: countryEnterprises.map(({ locations, ...country }) => ({
        ...country,
        permissions: callerCountryEnterprisePermissions(viewer, employments, scope, country.countryEnterpriseId),
        locations: locations.map(
          (l) =>
            locationAsSeen(
              locationDetail(viewer, manages(l.locationId), roleAt.get(l.locationId)),
              l,
            ) as LocationViewDto,
        ),
      })),
    };
  }
}
