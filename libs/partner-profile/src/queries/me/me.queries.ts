import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '#auth';
import { type ListQueryDto, page } from '#contract';
import { findPage, shapeOf } from '#read-store';
import { EnterpriseReads } from '../../application/enterprise-reads.js';
import {
  type EmployeeDocument,
  type EnterpriseDocument,
  PARTNER_COLLECTIONS as C,
  type SelfAssociationDocument,
} from '../../projections/read-models.js';
import type { MyLocationDto, MyLocationListDto } from './my-locations.response.dto.js';
import type { MySelfAssociationListDto } from './my-self-associations.response.dto.js';

/** The locations where the caller is an employee, with their access and TCI roles. */
export class MyLocationsQuery extends Query<MyLocationListDto> {
  constructor(
    readonly principal: Principal,
    readonly filter: ListQueryDto,
  ) {
    super();
  }
}

/** The caller's own requests to join locations (pending, accepted, denied), newest first. */
export class MySelfAssociationsQuery extends Query<MySelfAssociationListDto> {
  constructor(
    readonly principal: Principal,
    readonly filter: ListQueryDto,
  ) {
    super();
  }
}

const MY_EMPLOYMENT = shapeOf<EmployeeDocument>().pick('enterpriseId', 'locationId', 'accessRole', 'tci', 'joinedAt');
const MY_ASSOCIATION = shapeOf<SelfAssociationDocument>().pick(
  'associationId',
  'enterpriseId',
  'locationId',
  'status',
  'requestedAt',
  'confirmationNumber',
  'decidedAt',
  'reason',
);

/** Reads each enterprise of `enterpriseIds` once. */
async function enterprisesOf(reads: EnterpriseReads, enterpriseIds: readonly string[]) {
  const enterprises = reads.store.collection<EnterpriseDocument>(C.enterprises);
  const found = await Promise.all([...new Set(enterpriseIds)].map((_id) => enterprises.findOne({ _id })));
  return new Map(found.filter((e) => e !== null).map((e) => [e.enterpriseId, e]));
}

function placeOf(enterprise: EnterpriseDocument | undefined, locationId: string) {
  for (const country of enterprise?.countryEnterprises ?? []) {
    const location = country.locations.find((l) => l.locationId === locationId);
    if (location) return { country, location };
  }
  return undefined;
}

@QueryHandler(MyLocationsQuery)
export class MyLocationsHandler implements IQueryHandler<MyLocationsQuery> {
  constructor(@Inject(EnterpriseReads) private readonly reads: EnterpriseReads) {}

  async execute({ principal, filter }: MyLocationsQuery): Promise<MyLocationListDto> {
    const { items, total } = await findPage(
      this.reads.store.collection<EmployeeDocument>(C.employees),
      { userId: principal.userId },
      MY_EMPLOYMENT,
      { sort: { enterpriseId: 1, locationId: 1 }, ...page(filter) },
    );
    const enterprises = await enterprisesOf(
      this.reads,
      items.map((i) => i.enterpriseId),
    );
    return {
      items: items.map((e): MyLocationDto => {
        const enterprise = enterprises.get(e.enterpriseId);
        const place = placeOf(enterprise, e.locationId);
        return {
          enterpriseId: e.enterpriseId,
          enterpriseName: enterprise?.name ?? '',
          countryEnterpriseId: place?.country.countryEnterpriseId ?? '',
          countryEnterpriseName: place?.country.name ?? '',
          country: place?.country.country ?? '',
          locationId: e.locationId,
          locationName: place?.location.name ?? '',
          accessRole: e.accessRole,
          tci: e.tci,
          joinedAt: e.joinedAt,
        };
      }),
      total,
    };
  }
}

@QueryHandler(MySelfAssociationsQuery)
export class MySelfAssociationsHandler implements IQueryHandler<MySelfAssociationsQuery> {
  constructor(@Inject(EnterpriseReads) private readonly reads: EnterpriseReads) {}

  async execute({ principal, filter }: MySelfAssociationsQuery): Promise<MySelfAssociationListDto> {
    const { items, total } = await findPage(
      this.reads.store.collection<SelfAssociationDocument>(C.associations),
      { userId: principal.userId },
      MY_ASSOCIATION,
      { sort: { requestedAt: -1 }, ...page(filter) },
    );
    const enterprises = await enterprisesOf(
      this.reads,
      items.map((i) => i.enterpriseId),
    );
    return {
      items: items.map((a) => ({
        ...a,
        locationName: placeOf(enterprises.get(a.enterpriseId), a.locationId)?.location.name ?? '',
      })),
      total,
    };
  }
}
