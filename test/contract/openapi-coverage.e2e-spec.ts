import { readFileSync } from 'node:fs';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { type OpenApiDocument, type OpenApiSchema, fetchDocument, operations } from './openapi-document.js';

/**
 * The typed-contract guard: every operation in /docs-json declares a 2xx answer with a schema,
 * so a client generated from the document is typed end to end.
 */
describe('OpenAPI document: every operation has a response schema', () => {
  let app: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    app = await startTestApp();
    document = await fetchDocument(app);
  });
  afterAll(() => app?.close());

  const resolves = (schema: OpenApiSchema | undefined): boolean => {
    if (!schema || Object.keys(schema).length === 0) return false;
    if (schema.$ref)
      return document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] !== undefined;
    if (schema.oneOf) return schema.oneOf.length > 0 && schema.oneOf.every(resolves);
    return true;
  };

  it('has a 2xx response with content and a schema (a resolvable $ref or an inline schema) for every path and method', () => {
    const all = operations(document);
    const missing = all
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        return !success.some(([, response]) =>
          Object.values(response.content ?? {}).some((media) => resolves(media.schema)),
        );
      })
      .map(({ id }) => id);
    if (missing.length > 0) {
      // Printed so that the failing operations are named, not just counted.
      console.error(
        `${missing.length} of ${all.length} operations lack a 2xx response schema:\n  ${missing.join('\n  ')}`,
      );
    }
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(48);
  });

  it('keeps every operationId clients generated from earlier documents know (new operations only add), each unique', () => {
    const pinned = JSON.parse(readFileSync(new URL('./operation-ids.json', import.meta.url), 'utf8')) as Record<
      string,
      string
    >;
    const actual = Object.fromEntries(
      operations(document).map(({ id, operation }) => [id, (operation as { operationId?: string }).operationId]),
    );
    expect(Object.keys(pinned)).toHaveLength(62);
    expect(Object.fromEntries(Object.keys(pinned).map((route) => [route, actual[route]]))).toEqual(pinned);
    const ids = Object.values(actual);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the problem+json error answers with the Problem schema', () => {
    const problem = document.components?.schemas?.ProblemDto as
      { properties?: Record<string, unknown>; required?: string[] } | undefined;
    expect(Object.keys(problem?.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'errors']),
    );
    expect(problem?.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']));
    // The public routes (@Public(): no bearer token) are the only ones without a 401.
    const publicRoutes = ['GET /health', 'GET /v1/sign-in/options', 'POST /v1/dev/sign-in'];
    const authenticated = operations(document).filter(({ id }) => !publicRoutes.includes(id));
    const without401 = authenticated.filter(
      ({ operation }) =>
        operation.responses?.['401']?.content?.['application/problem+json']?.schema?.$ref !==
        '#/components/schemas/ProblemDto',
    );
    expect(without401.map(({ id }) => id)).toEqual([]);
  });

  it('documents read-your-writes on every query: X-Consistent-With in, X-Projection-Position out', () => {
    const queries = operations(document).filter(({ id }) => id.startsWith('GET '));
    expect(queries.length).toBeGreaterThanOrEqual(20);
    const undocumented = queries
      .filter(({ operation }) => {
        const parameters = (operation as { parameters?: { name: string; in: string }[] }).parameters ?? [];
        const headers =
          (operation.responses?.['200'] as { headers?: Record<string, unknown> } | undefined)?.headers ?? {};
        return (
          !parameters.some((p) => p.in === 'header' && p.name === 'X-Consistent-With') ||
          !('X-Projection-Position' in headers)
        );
      })
      .map(({ id }) => id);
    expect(undocumented).toEqual([]);
  });

  it('documents the CSV downloads as text/csv strings', () => {
    for (const path of ['/v1/audit.csv', '/v1/sites/{siteId}/users/report.csv']) {
      expect(document.paths[path]!.get!.responses?.['200']?.content?.['text/csv']?.schema).toEqual({ type: 'string' });
    }
  });
});
