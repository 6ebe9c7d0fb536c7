import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '#api/create-app';
import { type PlatformRole, mintToken } from '#auth';
import { type AppConfig, type Clock, loadConfig } from '#core';

export const TEST_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';

export interface TestApp {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly http: ReturnType<typeof request>;
  token(sub: string, options?: { roles?: PlatformRole[]; authTime?: number }): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole API as `npm start` builds it, on the embedded stores in a fresh DATA_DIR, listening on
 * an ephemeral loopback port; requests go over real HTTP with real signed JWTs. A suite may hand
 * the app its clock (see TestClock).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  overrides: { clock?: Clock } = {},
): Promise<TestApp> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'e2e-'));
  const config = loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    AUTH_JWT_SECRET: TEST_SECRET,
    // Suites send deliberately bad tokens to every route from one address; the limit itself is
    // tested in test/security with its own AUTH_FAILURE_LIMIT.
    AUTH_FAILURE_LIMIT: '1000',
    // Likewise for refused company tokens (tested in test/partner-profile/join-with-token).
    COMPANY_TOKEN_FAILURE_LIMIT: '1000',
    // HTTP_ADAPTER=express|fastify runs the suites on that adapter (default: the app's default).
    ...(process.env.HTTP_ADAPTER ? { HTTP_ADAPTER: process.env.HTTP_ADAPTER } : {}),
    ...env,
    DATA_DIR: dataDir,
  });
  const app = await createApp(config, overrides);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    config,
    http: request(url.replace('[::1]', '127.0.0.1')),
    token: (sub, options = {}) => mintToken(TEST_SECRET, { sub, roles: options.roles, authTime: options.authTime }),
    close: async () => {
      await app.close();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
