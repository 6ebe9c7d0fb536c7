import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { type OpenAPI3, astToString } from 'openapi-typescript';
import ts from 'typescript';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { fetchDocument } from './openapi-document.js';

/** Inside the repository (so `typescript` and the root package.json's module type apply); git-ignored. */
const OUT = join(process.cwd(), 'test', 'contract', '.generated');

/** What an admin UI would write against the generated types: it must compile, strictly. */
const GOOD = `
import type { components, paths } from './api.js';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

type SiteUsers = paths['/v1/sites/{siteId}/users']['get']['responses']['200']['content']['application/json'];
export type UserIdIsString = Assert<Equals<SiteUsers['items'][number]['userId'], string>>;
export type TotalIsNumber = Assert<Equals<SiteUsers['total'], number>>;
export type RoleIsClosed = Assert<Equals<SiteUsers['items'][number]['role'], 'primary' | 'secondary' | 'user'>>;

// Read-your-writes is part of every query's contract.
type UsersHeaders = NonNullable<paths['/v1/sites/{siteId}/users']['get']['parameters']['header']>;
export const consistentWith = (position: string): UsersHeaders => ({ 'X-Consistent-With': position });

export function firstUserId(page: SiteUsers): string | undefined {
  return page.items[0]?.userId;
}

// A plain command answers a confirmation or {changed: false}; the client has to tell them apart.
type Granted = paths['/v1/sites/{siteId}/access-requests/{requestId}/grant']['post']['responses']['200']['content']['application/json'];
export function confirmation(answer: Granted): string | undefined {
  return 'confirmationNumber' in answer ? answer.confirmationNumber : undefined;
}

type Registered = paths['/v1/sites']['post']['responses']['201']['content']['application/json'];
export const registered = (r: Registered): [string, string, string] => [r.siteId, r.confirmationNumber, r.position];

type Problem = paths['/v1/sites/{siteId}/users/{userId}/access']['get']['responses']['404']['content']['application/problem+json'];
export const problemCode = (p: Problem): string => p.code;
export const fieldErrors = (p: components['schemas']['ProblemDto']): string[] => (p.errors ?? []).map((e) => e.field + ': ' + e.message);

type Csv = paths['/v1/audit.csv']['get']['responses']['200']['content']['text/csv'];
export type CsvIsString = Assert<Equals<Csv, string>>;

type Employees = paths['/v1/enterprises/{enterpriseId}/locations/{locationId}/employees']['get']['responses']['200']['content']['application/json'];
export const isBusinessContact = (e: Employees['items'][number]): boolean => e.tci?.businessContact ?? false;

type Entry = paths['/v1/confirmations/{confirmationNumber}']['get']['responses']['200']['content']['application/json'];
export const scopeSite = (e: Entry): string | undefined => e.scope.siteId;
`;

/** A wrong field name and a wrong type: the check must refuse both. */
const BAD = `
import type { paths } from './api.js';

type SiteUsers = paths['/v1/sites/{siteId}/users']['get']['responses']['200']['content']['application/json'];
export const wrongField = (page: SiteUsers): string => page.items[0].userID;
export const wrongType = (page: SiteUsers): number => page.items[0].userId;
`;

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: [],
  skipLibCheck: false,
};

function typeCheck(file: string): ts.Diagnostic[] {
  const program = ts.createProgram([join(OUT, file)], OPTIONS);
  return [...ts.getPreEmitDiagnostics(program)];
}

const describeDiagnostics = (diagnostics: ts.Diagnostic[]) =>
  diagnostics.map(
    (d) =>
      `${d.file ? `${d.file.fileName.slice(OUT.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : ''} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );

describe('a typed client generated from /docs-json with openapi-typescript', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const document = await fetchDocument(app);
    const types = astToString(await openapiTS(document as unknown as OpenAPI3, { silent: true }));
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'openapi.json'), JSON.stringify(document, null, 2));
    writeFileSync(join(OUT, 'api.d.ts'), types);
    writeFileSync(join(OUT, 'good.ts'), GOOD);
    writeFileSync(join(OUT, 'bad.ts'), BAD);
  });
  afterAll(() => app?.close());

  it('type-checks a program that reads the answers’ fields (no any, no unknown)', () => {
    expect(describeDiagnostics(typeCheck('good.ts'))).toEqual([]);
  });

  it('refuses a program that reads a field the API does not answer, or uses one at the wrong type', () => {
    const diagnostics = typeCheck('bad.ts');
    const described = describeDiagnostics(diagnostics);
    expect(diagnostics.every((d) => d.file?.fileName.endsWith('bad.ts'))).toBe(true);
    expect(described).toEqual([
      expect.stringMatching(/^bad\.ts:5 TS2551: Property 'userID' does not exist on type .*Did you mean 'userId'\?/),
      expect.stringMatching(/^bad\.ts:6 TS2322: Type 'string' is not assignable to type 'number'/),
    ]);
  });
});
