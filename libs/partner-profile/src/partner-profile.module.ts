import { Module } from '@nestjs/common';
import { enterpriseCommandServices } from './application/enterprise-commands.js';
import { EnterpriseReadAccess } from './application/enterprise-read-access.js';
import { EmployeesCommandsController } from './http/employees-commands.controller.js';
import { EnterprisesCommandsController } from './http/enterprises-commands.controller.js';
import { LocationsCommandsController } from './http/locations-commands.controller.js';
import { SelfAssociationsCommandsController } from './http/self-associations-commands.controller.js';
import { GetEnterpriseHandler, ListEmployeesHandler, ListSelfAssociationsHandler, PrcRecipientsHandler } from './queries/enterprise-queries.js';
import { EnterpriseQueriesController } from './queries/enterprise-queries.controller.js';

const commandControllers = [EnterprisesCommandsController, LocationsCommandsController, EmployeesCommandsController, SelfAssociationsCommandsController];
const queryHandlers = [GetEnterpriseHandler, ListEmployeesHandler, ListSelfAssociationsHandler, PrcRecipientsHandler];

/** Partner profile (PartnerWorld): enterprises, locations, access roles, self-association. */
@Module({
  controllers: [...commandControllers, EnterpriseQueriesController],
  providers: [...enterpriseCommandServices, EnterpriseReadAccess, ...queryHandlers],
})
export class PartnerProfileModule {}
