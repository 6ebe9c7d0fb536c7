import { Module } from '@nestjs/common';
import { EnterpriseCommandRunner } from './application/enterprise-command-runner.js';
import { EnterpriseReadAccess } from './application/enterprise-read-access.js';
import { EnterpriseReads } from './application/enterprise-reads.js';
import { AssignPrimaryRelationshipContactHandler } from './commands/assign-primary-relationship-contact/assign-primary-relationship-contact.handler.js';
import { ChangeAccessRoleHandler } from './commands/change-access-role/change-access-role.handler.js';
import { ChangeSelfAssociationPolicyHandler } from './commands/change-self-association-policy/change-self-association-policy.handler.js';
import { ChangeTciRolesHandler } from './commands/change-tci-roles/change-tci-roles.handler.js';
import { CreateLocationHandler } from './commands/create-location/create-location.handler.js';
import { DecideSelfAssociationHandler } from './commands/decide-self-association/decide-self-association.handler.js';
import { EnterpriseCommandsController } from './commands/enterprise-commands.controller.js';
import { RegisterEnterpriseHandler } from './commands/register-enterprise/register-enterprise.handler.js';
import { RemoveEmployeeHandler } from './commands/remove-employee/remove-employee.handler.js';
import { RequestSelfAssociationHandler } from './commands/request-self-association/request-self-association.handler.js';
import { RotateCompanyTokenHandler } from './commands/rotate-company-token/rotate-company-token.handler.js';
import { UpdateEmployeeProfileHandler } from './commands/update-employee-profile/update-employee-profile.handler.js';
import { UpdateLocationProfileHandler } from './commands/update-location-profile/update-location-profile.handler.js';
import { EmployeesQueriesController } from './queries/employees/employees-queries.controller.js';
import { ListEmployeesHandler } from './queries/employees/employees.queries.js';
import { EnterprisesQueriesController } from './queries/enterprises/enterprises-queries.controller.js';
import { GetEnterpriseHandler } from './queries/enterprises/enterprises.queries.js';
import { LocationsQueriesController } from './queries/locations/locations-queries.controller.js';
import { PrcRecipientsHandler } from './queries/locations/locations.queries.js';
import { SelfAssociationsQueriesController } from './queries/self-associations/self-associations-queries.controller.js';
import { ListSelfAssociationsHandler } from './queries/self-associations/self-associations.queries.js';

const commandHandlers = [
  RegisterEnterpriseHandler,
  CreateLocationHandler,
  UpdateLocationProfileHandler,
  RequestSelfAssociationHandler,
  DecideSelfAssociationHandler,
  ChangeSelfAssociationPolicyHandler,
  RotateCompanyTokenHandler,
  ChangeAccessRoleHandler,
  AssignPrimaryRelationshipContactHandler,
  ChangeTciRolesHandler,
  UpdateEmployeeProfileHandler,
  RemoveEmployeeHandler,
];
const queryHandlers = [GetEnterpriseHandler, ListEmployeesHandler, ListSelfAssociationsHandler, PrcRecipientsHandler];
const queryControllers = [EnterprisesQueriesController, EmployeesQueriesController, SelfAssociationsQueriesController, LocationsQueriesController];

/** Partner profile (PartnerWorld): enterprises, locations, access roles, self-association. */
@Module({
  controllers: [EnterpriseCommandsController, ...queryControllers],
  providers: [EnterpriseCommandRunner, EnterpriseReadAccess, EnterpriseReads, ...commandHandlers, ...queryHandlers],
})
export class PartnerProfileModule {}
