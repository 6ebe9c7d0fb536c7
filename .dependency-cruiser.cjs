/** Layer rules (checked in CI): the domain stays pure, libs never reach into apps, drivers stay in adapters. */

/** A ban: imports `from` (a dependency-cruiser module condition) may not reach `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    forbid(
      'domain-imports-only-core',
      'A bounded context domain/ folder may import only its own domain and libs/core.',
      { path: '^libs/[^/]+/src/domain/' },
      {
        pathNot: ['^libs/core/src/', '^libs/([^/]+)/src/domain/', 'node_modules/@types'],
        dependencyTypesNot: ['core'],
      },
    ),
    forbid(
      'core-is-pure',
      'libs/core has no Nest, no drivers, no other lib; only Node built-ins and the pure immutable data structures.',
      { path: '^libs/core/src/' },
      { pathNot: ['^libs/core/src/', 'node_modules/immutable/'], dependencyTypesNot: ['core', 'type-only'] },
    ),
    forbid(
      'audit-knows-no-context',
      'Audit reaches the bounded contexts only through its ports (AuditDescriber, AdministeredScopes), wired in libs/composition.',
      { path: '^libs/audit/' },
      { path: '^libs/(site-access|partner-profile)/' },
    ),
    forbid(
      'apps-do-not-import-each-other',
      'The API, the projector and the CLI share their composition through libs/composition, never through one another.',
      { path: '^apps/([^/]+)/' },
      { path: '^apps/', pathNot: '^apps/$1/' },
    ),
    forbid(
      'contexts-do-not-import-each-other',
      'A bounded context imports no other; toward audit only its ports, which it implements.',
      { path: '^libs/(site-access|partner-profile)/' },
      { path: '^libs/(site-access|partner-profile|audit)/', pathNot: ['^libs/$1/', '^libs/audit/src/ports/'] },
    ),
    forbid(
      'commands-know-no-http',
      'Use cases take domain commands: nothing under a context commands/ imports its http/ (controllers, route params).',
      { path: '^libs/[^/]+/src/commands/' },
      { path: '^libs/[^/]+/src/http/' },
    ),
    forbid(
      'handlers-take-no-request-dto',
      'A handler receives domain types: the controller maps the request DTO before calling it.',
      { path: '\\.handler\\.ts$' },
      { path: ['\\.request\\.dto\\.ts$', '-input\\.dto\\.ts$', '\\.controller\\.ts$'] },
    ),
    forbid(
      'libs-never-import-apps',
      'Apps compose libs, never the other way round.',
      { path: '^libs/' },
      { path: '^apps/' },
    ),
    forbid(
      'sqlite-driver-only-in-its-adapter',
      'better-sqlite3 stays in the SQLite adapters (and the bench, which measures them).',
      { pathNot: ['^libs/event-store/src/sqlite/', '^libs/read-store/src/sqlite/', '^apps/cli/src/bench/'] },
      { path: 'node_modules/better-sqlite3/' },
    ),
    forbid(
      'eventstoredb-driver-only-in-its-adapter',
      'The EventStoreDB client stays in its adapter.',
      { pathNot: '^libs/event-store/src/eventstoredb/' },
      { path: 'node_modules/@kurrent/' },
    ),
    forbid(
      'mongodb-driver-only-in-its-adapter',
      'The MongoDB driver stays in its adapter.',
      { pathNot: '^libs/read-store/src/mongodb/' },
      { path: 'node_modules/mongodb/' },
    ),
    forbid(
      'mingo-only-in-the-sqlite-adapter',
      'The SQLite store evaluates with mingo what SQL cannot; shared document helpers may use it too.',
      { pathNot: '^libs/read-store/src/(documents|sqlite)/' },
      { path: 'node_modules/mingo/' },
    ),
    forbid(
      'every-import-resolves',
      'An import the cruiser cannot resolve (a mistyped #alias, say) would silently escape every rule above.',
      {},
      { couldNotResolve: true },
    ),
    forbid('no-circular', 'A cycle makes the layers meaningless.', {}, { circular: true }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^apps/console/vite\\.config\\.ts$|\\.spec\\.ts$|\\.int-spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // '#alias' imports (package.json "imports") resolve to the TypeScript sources, never to dist/.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.d.ts', '.js'],
      conditionNames: ['@access-governance/source', 'import', 'require', 'node', 'default'],
    },
  },
};
