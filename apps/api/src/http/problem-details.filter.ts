import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, DomainErrorWithExtensions, DomainErrorWithHeaders, type FieldError } from '#core';
import { JsonTooDeepError } from './json-limits.js';
import { allowedMethods } from './method-not-allowed.js';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: readonly FieldError[];
  /** Extension members of a DomainErrorWithExtensions (e.g. `canRequestAccess`). */
  [extension: string]: unknown;
}

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

interface HttpRequest {
  url: string;
  method: string;
}

/** The one place where errors become RFC 9457 problem+json answers. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const response = http.getResponse<unknown>();
    // Through the adapter, so the same filter answers on Express and on Fastify.
    const adapter = this.adapterHost.httpAdapter;
    const headersSent = adapter.isHeadersSent(response);
    const allowed = this.methodNotAllowed(exception, request);
    const problem = allowed ? methodNotAllowedProblem(request, allowed) : problemFor(exception);
    problem.instance = request.url;
    if (!headersSent) {
      if (allowed) adapter.setHeader(response, 'Allow', allowed.join(', '));
      if (exception instanceof DomainErrorWithHeaders) {
        for (const [name, value] of Object.entries(exception.headers)) adapter.setHeader(response, name, value);
      }
    }
    if (problem.status >= 500 && !(exception instanceof DomainError)) {
      this.logger.error(
        `${request.method} ${request.url} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (headersSent) return;
    adapter.setHeader(response, 'Content-Type', PROBLEM_JSON);
    adapter.reply(response, JSON.stringify(problem), problem.status);
  }

  /**
   * Nest answers 404 for any unrouted request; when the path exists under other methods the
   * truthful answer is 405 with `Allow` (a 404 thrown by a handler that did run stays a 404).
   */
  private methodNotAllowed(exception: unknown, request: HttpRequest): string[] | undefined {
    if (!(exception instanceof HttpException) || exception.getStatus() !== 404) return undefined;
    const allowed = allowedMethods(this.adapterHost.httpAdapter, request.url.split('?')[0] ?? '');
    if (allowed.length === 0 || allowed.includes(request.method.toUpperCase())) return undefined;
    return allowed;
  }
}

/** The problem+json answer for anything thrown (also for Fastify's router errors, see http-platform.ts). */
export function problemFor(exception: unknown): ProblemDetails {
  // The Express adapter wraps body-parser's errors (ours from `verify` included) in an HttpException.
  const cause = exception instanceof HttpException ? exception.cause : undefined;
  if (exception instanceof JsonTooDeepError || cause instanceof JsonTooDeepError) {
    const { message } = (cause ?? exception) as JsonTooDeepError;
    return problem(400, 'VALIDATION_FAILED', 'The request is not valid.', [{ field: 'body', message }]);
  }
  if (exception instanceof DomainErrorWithExtensions) {
    return { ...exception.extensions, ...problem(exception.status, exception.code, exception.detail) };
  }
  if (exception instanceof DomainError) {
    return problem(exception.status, exception.code, exception.detail, exception.errors);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return problem(
      status,
      CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR'),
      describe(exception),
    );
  }
  // body-parser (Express) and our Fastify parsers report malformed JSON and oversized bodies as
  // plain errors carrying a status; Fastify's own errors (body limit) carry a statusCode.
  const { status: carried, statusCode } = (exception ?? {}) as { status?: unknown; statusCode?: unknown };
  const status = carried ?? statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, CODE_BY_STATUS[status] ?? 'HTTP_ERROR', (exception as Error).message);
  }
  return problem(500, 'INTERNAL_ERROR', 'Something went wrong on our side; nothing was recorded for this request.');
}

function methodNotAllowedProblem(request: HttpRequest, allowed: readonly string[]): ProblemDetails {
  return problem(405, 'METHOD_NOT_ALLOWED', `${request.method} is not supported here; use ${allowed.join(', ')}.`);
}

function problem(status: number, code: string, detail: string, errors?: readonly FieldError[]): ProblemDetails {
  return {
    type: `urn:access-governance:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

function describe(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}
