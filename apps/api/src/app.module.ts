import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '#audit';
import { AuthModule } from '#auth';
import type { AppConfig, Clock } from '#core';
import { EventStoreModule } from '#event-store';
import { ReadConsistencyInterceptor, ReadStoreModule } from '#read-store';
import { PartnerProfileModule } from '#partner-profile';
import { SiteAccessModule } from '#site-access';
import { allProjections, auditContexts } from '#composition';
import { HealthController } from './health/health.controller.js';
import { GracefulShutdown } from './http/graceful-shutdown.js';
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
        GracefulShutdown,
      ],
    };
  }
}
