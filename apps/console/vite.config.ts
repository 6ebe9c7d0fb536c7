import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin, type ResolvedConfig } from 'vite';

const root = import.meta.dirname;
const outDir = process.env.CONSOLE_OUT_DIR ?? join(root, '..', '..', 'dist', 'console');
/** The budget for the JavaScript a first visit loads (entry plus its static imports), gzipped. */
const FIRST_LOAD_BUDGET = 200 * 1024;

/** Prints the gzipped size of the first-load JavaScript and fails the build over the budget. */
function firstLoadBudget(): Plugin {
  let logger: ResolvedConfig['logger'] | undefined;
  return {
    name: 'first-load-budget',
    apply: 'build',
    configResolved(config) {
      logger = config.logger;
    },
    closeBundle() {
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0);
      const kb = (bytes / 1024).toFixed(1);
      // Printed whatever the log level: the budget figure is the point of this plugin.
      logger?.warn(`console first-load JS: ${kb} KB gzipped (${scripts.length} file(s); budget 200 KB)`);
      if (bytes > FIRST_LOAD_BUDGET) throw new Error(`first-load JS ${kb} KB gzipped is over the 200 KB budget`);
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: join(root, 'public'),
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or data: modules (the console's CSP is script-src 'self').
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // `npx vite --config apps/console/vite.config.ts`: hot reload on :5173 against the API on :3000.
  server: { proxy: { '/v1': 'http://localhost:3000' } },
  plugins: [firstLoadBudget()],
});
