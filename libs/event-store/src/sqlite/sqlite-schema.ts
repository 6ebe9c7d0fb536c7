/** Durability first: every commit is fsynced (FULL) and readers never block the writer (WAL). */
export const SQLITE_PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000', 'foreign_keys = ON'];

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    TEXT    NOT NULL UNIQUE,
  stream      TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  occurred_at TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
-- Snapshots of aggregate state (a derived cache, never the truth): one per stream, replaced as the
-- stream grows. Created here for existing files too, so opening an older file migrates it.
CREATE TABLE IF NOT EXISTS snapshots (
  stream           TEXT    PRIMARY KEY,
  revision         INTEGER NOT NULL,
  version          INTEGER NOT NULL,
  last_hash        TEXT    NOT NULL,
  last_occurred_at TEXT,
  state            TEXT    NOT NULL,
  written_at       TEXT    NOT NULL
);
-- Idempotency-Key of commands, written in the same transaction as the command's events (so a key
-- exists exactly when its command committed); forgotten after IDEMPOTENCY_KEY_RETENTION_HOURS.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope          TEXT    NOT NULL,
  key            TEXT    NOT NULL,
  fingerprint    TEXT    NOT NULL,
  stream         TEXT    NOT NULL,
  first_revision INTEGER NOT NULL,
  last_revision  INTEGER NOT NULL,
  recorded_at    TEXT    NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_recorded_at ON idempotency_keys (recorded_at);
`;
