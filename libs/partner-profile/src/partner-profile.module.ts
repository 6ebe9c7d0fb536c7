import { Module } from '@nestjs/common';
import { enterpriseCommandServices } from './application/enterprise-commands.js';
import { EnterpriseReadAccess } from './application/enterprise-read-access.js';
import { EnterpriseReads } from './application/enterprise-reads.js';
import { EmployeesCommandsController } from './http/employees-commands.controller.js';
import { EmployeesQueriesController } from './http/employees-queries.controller.js';
import { EnterprisesCommandsController } from './http/enterprises-commands.controller.js';
import { EnterprisesQueriesController } from './http/enterprises-queries.controller.js';
import { LocationsCommandsController } from './http/locations-commands.controller.js';
import { LocationsQueriesController } from './http/locations-queries.controller.js';
import { SelfAssociationsCommandsController } from './http/self-associations-commands.controller.js';
import { SelfAssociationsQueriesController } from './http/self-associations-queries.controller.js';
import { ListEmployeesHandler } from './queries/employees/employees.queries.js';
import { GetEnterpriseHandler } from './queries/enterprises/enterprises.queries.js';
import { PrcRecipientsHandler } from './queries/locations/locations.queries.js';
import { ListSelfAssociationsHandler } from './queries/self-associations/self-associations.queries.js';

const commandControllers = [
  EnterprisesCommandsController,
  LocationsCommandsController,
  EmployeesCommandsController,
  SelfAssociationsCommandsController,
];
const queryControllers = [
  EnterprisesQueriesController,
  EmployeesQueriesController,
  SelfAssociationsQueriesController,
  LocationsQueriesController,
];
const queryHandlers = [GetEnterpriseHandler, ListEmployeesHandler, ListSelfAssociationsHandler, PrcRecipientsHandler];

/** Partner profile (PartnerWorld): enterprises, locations, access roles, self-association. */
@Module({
  controllers: [...commandControllers, ...queryControllers],
  providers: [...enterpriseCommandServices, EnterpriseReadAccess, EnterpriseReads, ...queryHandlers],
})
export class PartnerProfileModule {}
