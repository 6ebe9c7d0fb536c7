import { Module } from '@nestjs/common';
import { enterpriseCommandServices } from './application/enterprise-commands.js';
import { EnterpriseReadAccess } from './application/enterprise-read-access.js';
import { EmployeesController } from './http/employees.controller.js';
import { EnterprisesController } from './http/enterprises.controller.js';
import { LocationsController } from './http/locations.controller.js';
import { SelfAssociationsController } from './http/self-associations.controller.js';
import { GetEnterpriseHandler, ListEmployeesHandler, ListSelfAssociationsHandler, PrcRecipientsHandler } from './queries/enterprise-queries.js';
import { EnterpriseQueriesController } from './queries/enterprise-queries.controller.js';

const commandControllers = [EnterprisesController, LocationsController, EmployeesController, SelfAssociationsController];
const queryHandlers = [GetEnterpriseHandler, ListEmployeesHandler, ListSelfAssociationsHandler, PrcRecipientsHandler];

/** Partner profile (PartnerWorld): enterprises, locations, access roles, self-association. */
@Module({
  controllers: [...commandControllers, EnterpriseQueriesController],
  providers: [...enterpriseCommandServices, EnterpriseReadAccess, ...queryHandlers],
})
export class PartnerProfileModule {}
