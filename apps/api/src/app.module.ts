import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../../../libs/audit/src/index.js';
import { AuthModule } from '../../../libs/auth/src/index.js';
import type { AppConfig, Clock } from '../../../libs/core/src/index.js';
import { EventStoreModule } from '../../../libs/event-store/src/index.js';
import { ReadConsistencyInterceptor, ReadStoreModule } from '../../../libs/read-store/src/index.js';
import { PartnerProfileModule } from '../../../libs/partner-profile/src/index.js';
import { SiteAccessModule } from '../../../libs/site-access/src/index.js';
import { allProjections, auditContexts } from './projections.js';
import { HealthController } from './health/health.controller.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { createValidationPipe } from './http/validation.pipe.js';

/** The composition root of the HTTP API: stores, auth, bounded contexts, and the HTTP policies. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(config, overrides),
        ReadStoreModule.forRoot(config, allProjections()),
        AuthModule.forRoot(config),
        SiteAccessModule,
        PartnerProfileModule,
        AuditModule.forRoot(auditContexts),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: ReadConsistencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
