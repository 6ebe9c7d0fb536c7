import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { type ListQueryDto, page } from '#contract';
import { forbidden, requireInstant } from '#core';
import { findPage, shapeOf } from '#read-store';
import { viewerOf } from '../../application/enterprise-read-access.js';
import { EnterpriseReads } from '../../application/enterprise-reads.js';
import type { AccessRole, Tci } from '../../domain/access-roles.js';
import { enterpriseStream } from '../../domain/enterprise.streams.js';
import { employeeAsSeen, employeeListView, employeeRef } from '../../domain/enterprise.visibility.js';
import { type EmployeeDocument, PARTNER_COLLECTIONS as C } from '../../projections/read-models.js';
import { employeesAsOf } from './employees.as-of.js';
import type { EmployeeListDto } from './employees.response.dto.js';

/** A location's employees as the caller may see them, now (read model) or as of an instant (replayed from the stream). */
export class ListEmployeesQuery extends Query<EmployeeListDto> {
  constructor(
    readonly principal: Principal,
    readonly enterpriseId: string,
    readonly locationId: string,
    readonly filter: ListQueryDto,
    readonly asOf?: string,
  ) {
    super();
  }
}

const EMPLOYEE = shapeOf<EmployeeDocument>().whole();

type EmployeeRecord = {
  locationId: string;
  userId: string;
  confirmationNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  telephone?: string;
  accessRole: AccessRole;
  tci: Tci;
};

const employeeView = (e: EmployeeRecord) => ({
  userId: e.userId,
  employeeRef: employeeRef(e.locationId, e.userId, e.confirmationNumber),
  firstName: e.firstName,
  lastName: e.lastName,
  email: e.email,
  ...(e.telephone ? { telephone: e.telephone } : {}),
  accessRole: e.accessRole,
  tci: e.tci,
});

@QueryHandler(ListEmployeesQuery)
export class ListEmployeesHandler implements IQueryHandler<ListEmployeesQuery> {
  constructor(@Inject(EnterpriseReads) private readonly reads: EnterpriseReads) {}

  async execute({ principal, enterpriseId, locationId, filter, asOf }: ListEmployeesQuery): Promise<EmployeeListDto> {
    const caller = await this.reads.access.caller(enterpriseId, principal);
    caller.location(locationId);
    const viewer = viewerOf(principal);
    const view = employeeListView(
      viewer,
      caller.manages(locationId),
      caller.employments.find((e) => e.locationId === locationId)?.accessRole,
    );
    if (!view) throw forbidden('Only employees of this location, its PRC/APA and auditors may list its employees.');
    const onlyOwn = view === 'own_record' ? principal.userId : undefined;
    // Parsed after the visibility check, as this route always has: whoever may not list gets 403 whatever the instant.
    const at = asOf ? requireInstant('asOf', asOf) : undefined;
    const { documents, total } = at
      ? await this.replayed(enterpriseId, locationId, at, onlyOwn, filter)
      : await this.current(locationId, onlyOwn, filter);
    return { items: documents.map((e) => employeeAsSeen(view, viewer, employeeView(e))), total };
  }

  private async current(locationId: string, onlyUserId: string | undefined, filter: ListQueryDto) {
    const query = onlyUserId ? { locationId, userId: onlyUserId } : { locationId };
    const { items, total } = await findPage(
      this.reads.store.collection<EmployeeDocument>(C.employees),
      query,
      EMPLOYEE,
      { sort: { lastName: 1, firstName: 1, userId: 1 }, ...page(filter) },
    );
    return { documents: items, total };
  }

  private async replayed(
    enterpriseId: string,
    locationId: string,
    asOf: Date,
    onlyUserId: string | undefined,
    filter: ListQueryDto,
  ) {
    const all = employeesAsOf(
      await this.reads.events.readStream(enterpriseStream.of(enterpriseId), { until: asOf }),
      locationId,
      onlyUserId,
    );
    const { skip, limit } = page(filter);
    return { documents: all.slice(skip, skip + limit), total: all.length };
  }
}
