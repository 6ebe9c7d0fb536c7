import { readFileSync } from 'node:fs';

/** `#alias` imports (package.json "imports") resolve to the TypeScript sources under test, not to dist/. */
const SOURCE_CONDITION = '@access-governance/source';
const { imports } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const aliases = Object.fromEntries(
  Object.entries(imports).map(([alias, targets]) => [
    `^${alias.replace('*', '(.*)')}$`,
    `<rootDir>/${targets[SOURCE_CONDITION].replace(/^\.\//, '').replace('*', '$1')}`,
  ]),
);

/**
 * NestJS 12 ships ES modules only, so Jest runs in native ESM mode
 * (NODE_OPTIONS=--experimental-vm-modules, set by `npm test`).
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    ...aliases,
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @fastify/static (the Swagger UI's files on Fastify) requires content-disposition 3, an ES module that
    // Jest on Node < 24.9 cannot require(); Express's CommonJS 2.x has the same `create` and serves both.
    '^content-disposition$': '<rootDir>/node_modules/content-disposition/dist/index.js',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 20000,
};
