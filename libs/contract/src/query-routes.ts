import { Get, Inject, type Type, applyDecorators } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblems, type ProblemStatus } from './problem.dto.js';

type Problem = ProblemStatus | [ProblemStatus, string];

/**
 * A GET route answering `type` as JSON, with the problem+json answers it may give (a site or
 * enterprise query's by default). `operationId` is spelled out: clients generated from the OpenAPI
 * document name operations by it, so moving a route to another controller must not change it.
 */
export function QueryRoute(
  path: string,
  type: Type,
  options: { operationId: string; description?: string; problems?: readonly Problem[] },
): MethodDecorator {
  const { operationId, description, problems = [400, 401, 403, 404, 503] } = options;
  return applyDecorators(
    Get(path),
    ApiOperation({ operationId, summary: undefined }),
    ApiOkResponse({ type, ...(description ? { description } : {}) }),
    ApiProblems(...problems),
  );
}

/** What a query controller holds: the bus its routes hand their queries to. */
export abstract class QueryRoutes {
  constructor(@Inject(QueryBus) protected readonly queries: QueryBus) {}
}
