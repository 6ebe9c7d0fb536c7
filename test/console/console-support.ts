import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDevSecret, mintToken } from '#auth';
import { type TestApp, startTestApp } from '../support/test-app.js';

/**
 * The app as `npm start` runs it with no AUTH_JWT_SECRET: the generated development secret in
 * DATA_DIR, so the development sign-in exists. `token()` signs with that secret (the shared
 * fixtures work unchanged); `consoleDir` is the console the app serves at `/`.
 */
export async function startDevelopmentApp(consoleDir?: string): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const t = await startTestApp({
    AUTH_JWT_SECRET: '',
    CONSOLE_DIR: consoleDir ?? join(dataDir, 'no-console'),
  });
  const { secret } = loadOrCreateDevSecret(t.config.dataDir);
  return {
    ...t,
    token: (sub, options = {}) => mintToken(secret, { sub, roles: options.roles, authTime: options.authTime }),
  };
}
