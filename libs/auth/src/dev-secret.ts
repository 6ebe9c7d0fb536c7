import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEV_SECRET_FILE = 'jwt-secret';

/**
 * The embedded default needs no configuration: a random HS256 secret is generated once into
 * DATA_DIR (readable by the owner only) and reused by the API and `npm run token`.
 */
export function loadOrCreateDevSecret(dataDir: string): { secret: string; created: boolean; file: string } {
  const file = join(dataDir, DEV_SECRET_FILE);
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), created: false, file };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, created: true, file };
}
