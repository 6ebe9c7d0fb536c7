import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { forbidden } from '#core';
import { viewerOf } from '../../application/enterprise-read-access.js';
import { EnterpriseReads } from '../../application/enterprise-reads.js';
import { maySeeEnterprise } from '../../domain/enterprise.visibility.js';
import type { EnterpriseDto } from './enterprise.response.dto.js';

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
    const { enterprise, employments } = await this.reads.access.caller(enterpriseId, principal);
    if (!maySeeEnterprise(viewerOf(principal), employments.length)) {
      throw forbidden('Only employees of this enterprise, auditors and operators may see it.');
    }
    const { _id, position, ...hierarchy } = enterprise;
    return hierarchy;
  }
}
