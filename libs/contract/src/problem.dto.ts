import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ description: 'the offending field, e.g. `privileges.reporting` or `body`' }) field: string;
  @ApiProperty() message: string;
}

/** Where and how to ask for access: the self-nomination route. */
export class RequestAccessLinkDto {
  @ApiProperty({ example: 'POST' }) method: string;
  @ApiProperty({ example: '/v1/sites/1234567/access-requests' }) path: string;
}

/** An error answer: RFC 9457 problem details (`application/problem+json`), as the exception filter writes it. */
export class ProblemDto {
  @ApiProperty({
    description: '`urn:access-governance:problem:<code>`',
    example: 'urn:access-governance:problem:NOT_FOUND',
  })
  type: string;
  @ApiProperty({ example: 'Not Found' }) title: string;
  @ApiProperty({ type: 'integer', example: 404 }) status: number;
  @ApiProperty({ description: 'what went wrong, for people' }) detail: string;
  @ApiProperty({
    description: 'machine-readable error code, e.g. VALIDATION_FAILED, FORBIDDEN, SITE_EXISTS',
    example: 'NOT_FOUND',
  })
  code: string;
  @ApiPropertyOptional({ description: 'the request path' }) instance?: string;
  @ApiPropertyOptional({ type: () => [FieldErrorDto], description: 'validation failures, one per field' })
  errors?: FieldErrorDto[];
  @ApiPropertyOptional({
    description:
      'on a 403 to a signed-in person who is not a member of an existing site: whether they may ask for access (false while their request is pending)',
  })
  canRequestAccess?: boolean;
  @ApiPropertyOptional({ type: () => RequestAccessLinkDto, description: 'how to ask for access, when they may' })
  requestAccess?: RequestAccessLinkDto;
  @ApiPropertyOptional({ description: 'their own pending access request to the site, when they have one' })
  pendingRequestId?: string;
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 503;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'VALIDATION_FAILED (malformed body, unknown fields, bad values) or another 400 code of the contract',
  401: 'UNAUTHENTICATED (missing, invalid or expired token) or REAUTHENTICATION_REQUIRED',
  403: 'FORBIDDEN (authenticated but not allowed) or INVALID_COMPANY_TOKEN',
  404: 'NOT_FOUND',
  409: 'a business rule refused the command (SITE_EXISTS, ALREADY_MEMBER, REQUEST_PENDING, …, CONCURRENCY_CONFLICT after retries); nothing was recorded',
  503: 'PROJECTION_NOT_CAUGHT_UP: the read models did not reach X-Consistent-With within 5 s',
};

/**
 * Documents the problem+json answers a route gives, e.g. `@ApiProblems(400, 401, 403, [409, 'SITE_EXISTS'])`
 * (a pair names the codes that status stands for on this route).
 */
export function ApiProblems(
  ...problems: (ProblemStatus | [ProblemStatus, string])[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto, FieldErrorDto, RequestAccessLinkDto),
    ...problems.map((problem) => {
      const [status, description] = Array.isArray(problem) ? problem : [problem, DESCRIPTIONS[problem]];
      return ApiResponse({
        status,
        description,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      });
    }),
  );
}
