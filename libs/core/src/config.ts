import { resolve } from 'node:path';

/** Every setting of the product, read from the environment only, each with a safe default. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStoreUrl?: string;
  readonly mongodbUrl?: string;
  readonly mongodbDatabase: string;
  readonly projector: boolean;
  readonly auth: {
    readonly jwtSecret?: string;
    readonly jwksUrl?: string;
    readonly issuer?: string;
    readonly audience?: string;
    /** The console's public OpenID Connect client id (authorization code + PKCE against `issuer`). */
    readonly clientId?: string;
  };
  /** The built admin console served at `/` (CONSOLE_DIR; absent: the API serves no console). */
  readonly consoleDir: string;
  /** Limits applied to every request body before it is parsed (see apps/api/src/http/json-limits.ts). */
  readonly http: {
    /** The HTTP server under Nest (HTTP_ADAPTER): both serve the same routes, headers, limits and errors. */
    readonly adapter: HttpAdapterKind;
    readonly bodyLimitBytes: number;
    readonly jsonMaxDepth: number;
  };
  /** Failed bearer-token verifications allowed per client IP and window before answering 429. */
  readonly authFailures: {
    readonly limit: number;
    readonly windowSeconds: number;
  };
  /** Refused company tokens allowed per person and per client IP and window before answering 429 (self-association). */
  readonly companyTokenFailures: {
    readonly limit: number;
    readonly windowSeconds: number;
  };
  readonly smtpUrl?: string;
  /** A queued e-mail older than this (from its event) is not sent but recorded as expired. */
  readonly mailMaxAgeHours: number;
  readonly smtpFrom: string;
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug' | 'verbose';
  readonly logFormat: 'json' | 'text';
  /** Events between snapshots of an aggregate's state in the event store (0: no snapshots). */
  readonly snapshotEvery: number;
  /** How long a command's Idempotency-Key is remembered (IDEMPOTENCY_KEY_RETENTION_HOURS). */
  readonly idempotencyRetentionMs: number;
  /** Commands in flight per process at most; one more is refused with 503 and Retry-After. */
  readonly commandQueueLimit: number;
  /** Milliseconds the SQLite event store holds a group commit open for more appends (0: one event-loop turn). */
  readonly groupCommitWaitMs: number;
  /** Threads `npm run rebuild` replays with on the embedded store (REBUILD_THREADS; default: the machine's cores). */
  readonly rebuildThreads?: number;
}

export const HTTP_ADAPTERS = ['express', 'fastify'] as const;
export type HttpAdapterKind = (typeof HTTP_ADAPTERS)[number];

const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'verbose'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const port = Number(blank(env.PORT) ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0..65535, got ${env.PORT}`);
  const projector = (blank(env.PROJECTOR) ?? 'on').toLowerCase();
  if (projector !== 'on' && projector !== 'off') throw new Error(`PROJECTOR must be on or off, got ${env.PROJECTOR}`);
  const logLevel = (blank(env.LOG_LEVEL) ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${env.LOG_LEVEL}`);
  }
  const logFormat = (blank(env.LOG_FORMAT) ?? 'json').toLowerCase();
  if (logFormat !== 'json' && logFormat !== 'text')
    throw new Error(`LOG_FORMAT must be json or text, got ${env.LOG_FORMAT}`);
  const positive = (name: string, fallback: number) => {
    const value = Number(blank(env[name]) ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${env[name]}`);
    return value;
  };
  const snapshotEvery = Number(blank(env.SNAPSHOT_EVERY) ?? 1000);
  if (!Number.isInteger(snapshotEvery) || snapshotEvery < 0) {
    throw new Error(`SNAPSHOT_EVERY must be 0 (off) or a positive integer, got ${env.SNAPSHOT_EVERY}`);
  }
  const adapter = (blank(env.HTTP_ADAPTER) ?? 'fastify').toLowerCase();
  if (!(HTTP_ADAPTERS as readonly string[]).includes(adapter)) {
    throw new Error(`HTTP_ADAPTER must be one of ${HTTP_ADAPTERS.join(', ')}, got ${env.HTTP_ADAPTER}`);
  }
  const groupCommitWaitMs = Number(blank(env.GROUP_COMMIT_WAIT_MS) ?? 0);
  if (!Number.isInteger(groupCommitWaitMs) || groupCommitWaitMs < 0 || groupCommitWaitMs > 1000) {
    throw new Error(`GROUP_COMMIT_WAIT_MS must be an integer 0..1000, got ${env.GROUP_COMMIT_WAIT_MS}`);
  }
  return {
    port,
    host: blank(env.HOST) ?? '0.0.0.0',
    dataDir: resolve(blank(env.DATA_DIR) ?? './data'),
    eventStoreUrl: blank(env.EVENTSTORE_URL),
    mongodbUrl: blank(env.MONGODB_URL),
    mongodbDatabase: blank(env.MONGODB_DATABASE) ?? 'access_governance',
    projector: projector === 'on',
    auth: {
      jwtSecret: blank(env.AUTH_JWT_SECRET),
      jwksUrl: blank(env.AUTH_JWKS_URL),
      issuer: blank(env.AUTH_ISSUER),
      audience: blank(env.AUTH_AUDIENCE),
      clientId: blank(env.AUTH_CLIENT_ID),
    },
    consoleDir: resolve(blank(env.CONSOLE_DIR) ?? './dist/console'),
    http: {
      adapter: adapter as HttpAdapterKind,
      bodyLimitBytes: positive('HTTP_BODY_LIMIT_KB', 256) * 1024,
      jsonMaxDepth: positive('HTTP_JSON_MAX_DEPTH', 32),
    },
    authFailures: {
      limit: positive('AUTH_FAILURE_LIMIT', 20),
      windowSeconds: positive('AUTH_FAILURE_WINDOW_SECONDS', 60),
    },
    companyTokenFailures: {
      limit: positive('COMPANY_TOKEN_FAILURE_LIMIT', 10),
      windowSeconds: positive('COMPANY_TOKEN_FAILURE_WINDOW_SECONDS', 900),
    },
    smtpUrl: blank(env.SMTP_URL),
    mailMaxAgeHours: positive('MAIL_MAX_AGE_HOURS', 72),
    smtpFrom: blank(env.SMTP_FROM) ?? 'Access governance <no-reply@localhost>',
    logLevel: logLevel as AppConfig['logLevel'],
    logFormat,
    snapshotEvery,
    idempotencyRetentionMs: positive('IDEMPOTENCY_KEY_RETENTION_HOURS', 24) * 3_600_000,
    commandQueueLimit: positive('COMMAND_QUEUE_LIMIT', 512),
    groupCommitWaitMs,
    ...(blank(env.REBUILD_THREADS) ? { rebuildThreads: positive('REBUILD_THREADS', 1) } : {}),
  };
}
