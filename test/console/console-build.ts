import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH names another binary. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Screenshots of the browser tests (git-ignored). */
export const ARTIFACTS = join(process.cwd(), 'test', 'console', '.artifacts');

/** Builds the console for production (as `npm run build` does) into a fresh directory; prints the size line. */
export function buildConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-build-'));
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/console/vite.config.ts'],
    { env: { ...process.env, CONSOLE_OUT_DIR: dir, NODE_OPTIONS: '', NODE_ENV: 'production' }, encoding: 'utf8' },
  );
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  console.log(build.stdout.trim());
  return dir;
}
