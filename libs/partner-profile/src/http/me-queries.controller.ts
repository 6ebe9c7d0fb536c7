import { Query as QueryParams } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '#auth';
import { ListQueryDto, QueryRoute, QueryRoutes, ResourceController } from '#contract';
import { MyLocationsQuery, MySelfAssociationsQuery } from '../queries/me/me.queries.js';
import { MyLocationListDto } from '../queries/me/my-locations.response.dto.js';
import { MySelfAssociationListDto } from '../queries/me/my-self-associations.response.dto.js';

const MINE = { problems: [400, 401, 503] } as const;

/** The caller's own partner profile: where they work and what became of their requests to join. */
@ResourceController('me', 'v1/me')
export class MyPartnerProfileQueriesController extends QueryRoutes {
  @QueryRoute('locations', MyLocationListDto, {
    operationId: 'MeController_locations',
    ...MINE,
    description: 'Locations where the caller is an employee: enterprise, country, location, access and TCI roles.',
  })
  locations(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MyLocationsQuery(p, filter));
  }

  @QueryRoute('self-associations', MySelfAssociationListDto, {
    operationId: 'MeController_selfAssociations',
    ...MINE,
    description: 'The caller’s requests to join locations, newest first, with the reason of a denial.',
  })
  selfAssociations(@CurrentPrincipal() p: Principal, @QueryParams() filter: ListQueryDto) {
    return this.queries.execute(new MySelfAssociationsQuery(p, filter));
  }
}
