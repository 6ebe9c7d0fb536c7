import { renameSync, rmSync } from 'node:fs';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Deletes a SQLite database and its side files (used for a half-built rebuild). */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(path + suffix, { force: true });
}

/**
 * Puts a closed, complete database in place of another in one atomic rename. The old file's WAL
 * and shared-memory files go first: SQLite would otherwise apply the old WAL to the new file.
 * Nothing may have `to` open (stop the API first).
 */
export function replaceDatabaseFile(from: string, to: string): void {
  for (const suffix of SIDE_FILES) rmSync(to + suffix, { force: true });
  renameSync(from, to);
}
