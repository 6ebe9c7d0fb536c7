import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/src/index.js';
import { forbidden, requireInstant } from '../../../core/src/index.js';
import { EVENT_STORE, type EventStore } from '../../../event-store/src/index.js';
import { DOCUMENT_STORE, type DocumentStore } from '../../../read-store/src/index.js';
import { enterpriseEvents } from '../domain/enterprise.events.js';
import { evolveEnterprise, initialEnterpriseState } from '../domain/enterprise.state.js';
import { EnterpriseReadAccess } from '../application/enterprise-read-access.js';
import { type EmployeeDocument, PARTNER_COLLECTIONS as C, type SelfAssociationDocument } from '../projections/read-models.js';
import { enterpriseStream } from '../domain/enterprise.streams.js';
import type { EmployeeListDto } from './employees.response.dto.js';
import type { EnterpriseDto } from './enterprise.response.dto.js';
import type { PrcRecipientsDto } from './prc-recipients.response.dto.js';
import type { SelfAssociationListDto } from './self-associations.response.dto.js';

const page = (f: { limit?: number; offset?: number }) => ({ limit: f.limit ?? 50, skip: f.offset ?? 0 });

export class GetEnterpriseQuery extends Query<EnterpriseDto> {
  constructor(readonly principal: Principal, readonly enterpriseId: string) {
    super();
  }
}

export class ListEmployeesQuery extends Query<EmployeeListDto> {
  constructor(readonly principal: Principal, readonly enterpriseId: string, readonly locationId: string, readonly filter: { limit?: number; offset?: number; asOf?: string }) {
    super();
  }
}

export class ListSelfAssociationsQuery extends Query<SelfAssociationListDto> {
  constructor(readonly principal: Principal, readonly enterpriseId: string, readonly locationId: string, readonly filter: { status?: string; limit?: number; offset?: number }) {
    super();
  }
}

export class PrcRecipientsQuery extends Query<PrcRecipientsDto> {
  constructor(readonly principal: Principal, readonly enterpriseId: string, readonly locationId: string) {
    super();
  }
}

@QueryHandler(GetEnterpriseQuery)
export class GetEnterpriseHandler implements IQueryHandler<GetEnterpriseQuery> {
  constructor(@Inject(EnterpriseReadAccess) private readonly access: EnterpriseReadAccess) {}

  async execute({ principal, enterpriseId }: GetEnterpriseQuery) {
    const { enterprise, employments } = await this.access.caller(enterpriseId, principal);
    if (employments.length === 0 && !principal.roles.some((r) => r === 'auditor' || r === 'operator')) {
      throw forbidden('Only employees of this enterprise, auditors and operators may see it.');
    }
    const { _id, position, ...hierarchy } = enterprise;
    return hierarchy;
  }
}

const NAMES_AND_ROLES = ['userId', 'firstName', 'lastName', 'accessRole'] as const;

/**
 * Visibility: PRC/APA in scope and auditors see everything; distributor_pi sees
 * personal information; distributor and view_only see names and roles; personal_update only
 * their own record.
 */
@QueryHandler(ListEmployeesQuery)
export class ListEmployeesHandler implements IQueryHandler<ListEmployeesQuery> {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EnterpriseReadAccess) private readonly access: EnterpriseReadAccess,
  ) {}

  async execute({ principal, enterpriseId, locationId, filter }: ListEmployeesQuery): Promise<EmployeeListDto> {
    const caller = await this.access.caller(enterpriseId, principal);
    caller.location(locationId);
    const own = caller.employments.find((e) => e.locationId === locationId);
    const full = caller.manages(locationId) || principal.roles.includes('auditor') || own?.accessRole === 'distributor_pi';
    if (!full && !own) throw forbidden('Only employees of this location, its PRC/APA and auditors may list its employees.');
    const onlyOwn = own && !full && own.accessRole === 'personal_update' ? principal.userId : undefined;
    const { documents, total } = filter.asOf
      ? await this.replayed(enterpriseId, locationId, requireInstant('asOf', filter.asOf), onlyOwn, filter)
      : await this.current(locationId, onlyOwn, filter);
    const namesOnly = !full && (own?.accessRole === 'distributor' || own?.accessRole === 'view_only');
    const items = documents.map((e) => {
      const view = { userId: e.userId, firstName: e.firstName, lastName: e.lastName, email: e.email, ...(e.telephone ? { telephone: e.telephone } : {}), accessRole: e.accessRole, tci: e.tci };
      return namesOnly && e.userId !== principal.userId ? (Object.fromEntries(NAMES_AND_ROLES.map((k) => [k, view[k]])) as Pick<typeof view, (typeof NAMES_AND_ROLES)[number]>) : view;
    });
    return { items, total };
  }

  private async current(locationId: string, onlyUserId: string | undefined, filter: { limit?: number; offset?: number }) {
    const query = onlyUserId ? { locationId, userId: onlyUserId } : { locationId };
    const employees = this.store.collection<EmployeeDocument>(C.employees);
    const [documents, total] = await Promise.all([
      employees.find(query, { sort: { lastName: 1, firstName: 1, userId: 1 }, ...page(filter) }),
      employees.countDocuments(query),
    ]);
    return { documents, total };
  }

  /** The location's employees at an instant, replayed from the enterprise stream (authoritative). */
  private async replayed(enterpriseId: string, locationId: string, asOf: Date, onlyUserId: string | undefined, filter: { limit?: number; offset?: number }) {
    const recorded = await this.events.readStream(enterpriseStream.of(enterpriseId), { until: asOf });
    const state = recorded.reduce((s, e) => { const event = enterpriseEvents.read(e); return event ? evolveEnterprise(s, event) : s; }, initialEnterpriseState());
    const all = [...state.employees.values()]
      .filter((e) => e.locationId === locationId && (!onlyUserId || e.userId === onlyUserId))
      .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.userId.localeCompare(b.userId));
    const { skip, limit } = page(filter);
    return { documents: all.slice(skip, skip + limit), total: all.length };
  }
}

@QueryHandler(ListSelfAssociationsQuery)
export class ListSelfAssociationsHandler implements IQueryHandler<ListSelfAssociationsQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(EnterpriseReadAccess) private readonly access: EnterpriseReadAccess) {}

  async execute({ principal, enterpriseId, locationId, filter }: ListSelfAssociationsQuery): Promise<SelfAssociationListDto> {
    await this.access.requireManager(enterpriseId, locationId, principal);
    const query = { locationId, ...(filter.status ? { status: filter.status } : {}) };
    const associations = this.store.collection<SelfAssociationDocument>(C.associations);
    const [items, total] = await Promise.all([
      associations.find(query, { sort: { requestedAt: -1 }, projection: { _id: 0, position: 0 }, ...page(filter) }),
      associations.countDocuments(query),
    ]);
    return { items, total };
  }
}

/** Who receives the PRC's communications: the PRC, or every APA with an e-mail while the PRC is missing. */
@QueryHandler(PrcRecipientsQuery)
export class PrcRecipientsHandler implements IQueryHandler<PrcRecipientsQuery> {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore, @Inject(EnterpriseReadAccess) private readonly access: EnterpriseReadAccess) {}

  async execute({ principal, enterpriseId, locationId }: PrcRecipientsQuery) {
    await this.access.requireManager(enterpriseId, locationId, principal, ['operator']);
    const employees = await this.store.collection<EmployeeDocument>(C.employees).find({ locationId, accessRole: { $in: ['prc', 'apa'] } }, { sort: { userId: 1 } });
    const prc = employees.find((e) => e.accessRole === 'prc');
    if (prc) return { recipients: [{ userId: prc.userId, email: prc.email, reason: 'prc' as const }] };
    return { recipients: employees.filter((e) => e.email).map((e) => ({ userId: e.userId, email: e.email, reason: 'apa_fallback' as const })) };
  }
}
