import Database from 'better-sqlite3';

/** One prepared SELECT and SQLite's plan for it, as `EXPLAIN QUERY PLAN` details. */
export interface QueryPlan {
  readonly collection: string;
  readonly sql: string;
  readonly plan: string[];
}

const MAX_CACHED_STATEMENTS = 1000;

/**
 * A better-sqlite3 connection with prepared statements cached by SQL text and, for every distinct
 * SELECT, its query plan recorded on first use (with that call's parameters) for index audits.
 */
export class SqliteConnection {
  private readonly statements = new Map<string, Database.Statement>();
  private schemaCookie?: Database.Statement;
  /** Built once: better-sqlite3 sets up a transaction function's four variants on every `db.transaction` call. */
  private readonly atomically: (work: () => unknown) => unknown;

  constructor(
    readonly db: Database.Database,
    private readonly plans: Map<string, QueryPlan>,
  ) {
    this.atomically = db.transaction((work: () => unknown) => work());
  }

  // The plan is recorded after the statement ran: running it brings the connection's schema up to
  // date (an EXPLAIN alone does not, and would describe indexes as they were when last read).
  all<T>(collection: string, sql: string, params: readonly unknown[]): T[] {
    const rows = this.statement(sql).all(...params) as T[];
    this.recordPlan(collection, sql, params);
    return rows;
  }

  get<T>(collection: string, sql: string, params: readonly unknown[]): T | undefined {
    const row = this.statement(sql).get(...params) as T | undefined;
    this.recordPlan(collection, sql, params);
    return row;
  }

  /** A SELECT of the store's own bookkeeping (catalog loads, multikey backfills), kept out of the plan audit. */
  unaudited<T>(sql: string, params: readonly unknown[] = []): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  run(sql: string, params: readonly unknown[] = []): Database.RunResult {
    return this.statement(sql).run(...params);
  }

  /** SQLite's schema cookie: it changes whenever any connection creates or drops a table or index. */
  schemaVersion(): number {
    this.schemaCookie ??= this.db.prepare('PRAGMA schema_version').pluck();
    return this.schemaCookie.get() as number;
  }

  /** Runs `work` atomically: a transaction, or a savepoint when one is already open. */
  atomic<T>(work: () => T): T {
    return this.atomically(work) as T;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private recordPlan(collection: string, sql: string, params: readonly unknown[]): void {
    if (this.plans.has(sql)) return;
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    this.plans.set(sql, { collection, sql, plan: rows.map((r) => r.detail) });
  }
}

// By code and message, not instanceof: the driver's SqliteError may come from another realm (Jest's VM modules).
export function isNoSuchTable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_ERROR' && typeof message === 'string' && message.startsWith('no such table');
}

export function isUniqueViolation(error: unknown): error is Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
