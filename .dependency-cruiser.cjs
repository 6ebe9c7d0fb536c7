/** Layer rules (checked in CI): the domain stays pure, libs never reach into apps, drivers stay in adapters. */

/** A path-to-path ban, the common shape of the rules below. */
const forbid = (name, comment, { from, to }) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-core',
      comment: 'A bounded context domain/ folder may import only its own domain and libs/core.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        pathNot: ['^libs/core/src/', '^libs/([^/]+)/src/domain/', 'node_modules/@types'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'core-is-pure',
      comment: 'libs/core has no Nest, no drivers, no other lib; only Node built-ins and the pure immutable data structures.',
      severity: 'error',
      from: { path: '^libs/core/src/' },
      to: { pathNot: ['^libs/core/src/', 'node_modules/immutable/'], dependencyTypesNot: ['core', 'type-only'] },
    },
    {
      name: 'audit-knows-no-context',
      comment: 'Audit reaches the bounded contexts only through its ports (AuditDescriber, AdministeredScopes), wired in apps/.',
      severity: 'error',
      from: { path: '^libs/audit/' },
      to: { path: '^libs/(site-access|partner-profile)/' },
    },
    {
      name: 'contexts-do-not-import-each-other',
      comment: 'A bounded context imports no other; toward audit only its ports, which it implements.',
      severity: 'error',
      from: { path: '^libs/(site-access|partner-profile)/' },
      to: { path: '^libs/(site-access|partner-profile|audit)/', pathNot: ['^libs/$1/', '^libs/audit/src/ports/'] },
    },
    forbid('commands-know-no-http', 'Use cases take domain commands: nothing under a context commands/ imports its http/ (controllers, route params).', {
      from: '^libs/[^/]+/src/commands/',
      to: '^libs/[^/]+/src/http/',
    }),
    forbid('handlers-take-no-request-dto', 'A handler receives domain types: the controller maps the request DTO before calling it.', {
      from: '\\.handler\\.ts$',
      to: ['\\.request\\.dto\\.ts$', '-input\\.dto\\.ts$', '\\.controller\\.ts$'],
    }),
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'sqlite-driver-only-in-its-adapter',
      severity: 'error',
      from: { pathNot: ['^libs/event-store/src/sqlite/', '^libs/read-store/src/sqlite/', '^apps/cli/src/bench/'] },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'eventstoredb-driver-only-in-its-adapter',
      severity: 'error',
      from: { pathNot: '^libs/event-store/src/eventstoredb/' },
      to: { path: 'node_modules/@kurrent/' },
    },
    {
      name: 'mongodb-driver-only-in-its-adapter',
      severity: 'error',
      from: { pathNot: '^libs/read-store/src/mongodb/' },
      to: { path: 'node_modules/mongodb/' },
    },
    {
      name: 'mingo-only-in-the-sqlite-adapter',
      comment: 'The SQLite store evaluates with mingo what SQL cannot; shared document helpers may use it too.',
      severity: 'error',
      from: { pathNot: '^libs/read-store/src/(documents|sqlite)/' },
      to: { path: 'node_modules/mingo/' },
    },
    {
      name: 'every-import-resolves',
      comment: 'An import the cruiser cannot resolve (a mistyped #alias, say) would silently escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.int-spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // '#alias' imports (package.json "imports") resolve to the TypeScript sources, never to dist/.
    enhancedResolveOptions: {
      extensions: ['.ts', '.js'],
      conditionNames: ['@access-governance/source', 'import', 'require', 'node', 'default'],
    },
  },
};
