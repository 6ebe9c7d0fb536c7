import { Module } from '@nestjs/common';
import { enterpriseCommandServices } from './application/enterprise-commands.js';
import { EnterpriseReadAccess } from './application/enterprise-read-access.js';
import { CreateLocationHandler } from './commands/create-location/create-location.handler.js';
import { RegisterEnterpriseHandler } from './commands/register-enterprise/register-enterprise.handler.js';
import { RequestSelfAssociationHandler } from './commands/request-self-association/request-self-association.handler.js';
import { RotateCompanyTokenHandler } from './commands/rotate-company-token/rotate-company-token.handler.js';
import { EmployeesController } from './http/employees.controller.js';
import { EnterprisesController } from './http/enterprises.controller.js';
import { LocationsController } from './http/locations.controller.js';
import { SelfAssociationsController } from './http/self-associations.controller.js';
import { GetEnterpriseHandler, ListEmployeesHandler, ListSelfAssociationsHandler, PrcRecipientsHandler } from './queries/enterprise-queries.js';
import { EnterpriseQueriesController } from './queries/enterprise-queries.controller.js';

const commandControllers = [EnterprisesController, LocationsController, EmployeesController, SelfAssociationsController];
/** Only the use cases that do work besides deciding (minting or checking company tokens) have a handler. */
const commandHandlers = [RegisterEnterpriseHandler, CreateLocationHandler, RotateCompanyTokenHandler, RequestSelfAssociationHandler];
const queryHandlers = [GetEnterpriseHandler, ListEmployeesHandler, ListSelfAssociationsHandler, PrcRecipientsHandler];

/** Partner profile (PartnerWorld): enterprises, locations, access roles, self-association. */
@Module({
  controllers: [...commandControllers, EnterpriseQueriesController],
  providers: [...enterpriseCommandServices, ...commandHandlers, EnterpriseReadAccess, ...queryHandlers],
})
export class PartnerProfileModule {}
