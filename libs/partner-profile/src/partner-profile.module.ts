import { Module } from '@nestjs/common';
import type { AppConfig } from '#core';
import { READ_STORE_CONFIG } from '#read-store';
import { CompanyTokenDirectory } from './application/company-token-directory.js';
import { COMPANY_TOKEN_LIMITER, CompanyTokenLimiter } from './application/company-token-limiter.js';
import { enterpriseCommandServices } from './application/enterprise-commands.js';
import { EnterpriseReadAccess } from './application/enterprise-read-access.js';
import { EnterpriseReads } from './application/enterprise-reads.js';
import { EmployeesCommandsController } from './http/employees-commands.controller.js';
import { EmployeesQueriesController } from './http/employees-queries.controller.js';
import { EnterprisesCommandsController } from './http/enterprises-commands.controller.js';
import { EnterprisesQueriesController } from './http/enterprises-queries.controller.js';
import { JoinWithCompanyTokenCommandsController } from './http/join-with-company-token-commands.controller.js';
import { LocationsCommandsController } from './http/locations-commands.controller.js';
import { LocationsQueriesController } from './http/locations-queries.controller.js';
import { SelfAssociationsCommandsController } from './http/self-associations-commands.controller.js';
import { SelfAssociationsQueriesController } from './http/self-associations-queries.controller.js';
import { MyPartnerProfileQueriesController } from './http/me-queries.controller.js';
import { MyLocationsHandler, MySelfAssociationsHandler } from './queries/me/me.queries.js';
import { ListEmployeesHandler } from './queries/employees/employees.queries.js';
import { GetEnterpriseHandler } from './queries/enterprises/enterprises.queries.js';
import {
  ComplianceSummaryHandler,
  GetLocationHandler,
  PrcRecipientsHandler,
} from './queries/locations/locations.queries.js';
import { ListSelfAssociationsHandler } from './queries/self-associations/self-associations.queries.js';

const commandControllers = [
  EnterprisesCommandsController,
  LocationsCommandsController,
  EmployeesCommandsController,
  SelfAssociationsCommandsController,
  JoinWithCompanyTokenCommandsController,
];
const queryControllers = [
  EnterprisesQueriesController,
  EmployeesQueriesController,
  SelfAssociationsQueriesController,
  LocationsQueriesController,
  MyPartnerProfileQueriesController,
];
const queryHandlers = [
  GetEnterpriseHandler,
  ListEmployeesHandler,
  ListSelfAssociationsHandler,
  PrcRecipientsHandler,
  GetLocationHandler,
  ComplianceSummaryHandler,
  MyLocationsHandler,
  MySelfAssociationsHandler,
];

/** Partner profile (PartnerWorld): enterprises, locations, access roles, self-association. */
@Module({
  controllers: [...commandControllers, ...queryControllers],
  providers: [
    ...enterpriseCommandServices,
    EnterpriseReadAccess,
    EnterpriseReads,
    CompanyTokenDirectory,
    {
      provide: COMPANY_TOKEN_LIMITER,
      useFactory: (config: AppConfig) => new CompanyTokenLimiter(config.companyTokenFailures),
      inject: [READ_STORE_CONFIG],
    },
    ...queryHandlers,
  ],
})
export class PartnerProfileModule {}
