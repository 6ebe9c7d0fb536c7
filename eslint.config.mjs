// ESLint (flat config): typescript-eslint's recommended rules plus the type-aware rules that catch
// real bugs in async NestJS code: a promise nobody awaits, a promise where a value is expected.
// Formatting is Prettier's job (`npm run format:check`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'data/',
      'test/contract/.generated/',
      'test/console/.artifacts/',
      'apps/console/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // `const { hash: _ignored, ...rest } = x` is how the code drops a field; `_` marks it deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The CSV-injection guard matches control characters on purpose (OWASP: they precede formulas).
    files: ['libs/core/src/csv.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Node-run config files (ESM and CommonJS); TypeScript files get their globals from the type checker.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { URL: 'readonly', process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly' },
    },
  },
);
