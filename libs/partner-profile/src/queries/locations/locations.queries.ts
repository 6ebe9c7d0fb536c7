import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { EnterpriseReads } from '../../application/enterprise-reads.js';
import { prcCommunicationRecipients } from '../../domain/enterprise.health.js';
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
