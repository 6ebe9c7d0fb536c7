import type { TestApp } from '../support/test-app.js';

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  oneOf?: OpenApiSchema[];
  [key: string]: unknown;
}
export interface OpenApiOperation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: OpenApiSchema }> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
  [key: string]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** The document the running app serves at /docs-json (what a client generator reads). */
export async function fetchDocument(app: TestApp): Promise<OpenApiDocument> {
  const response = await app.http.get('/docs-json').expect(200);
  return response.body as OpenApiDocument;
}

export function operations(document: OpenApiDocument): { id: string; operation: OpenApiOperation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ id: `${method.toUpperCase()} ${path}`, operation }] : [];
    }),
  );
}
