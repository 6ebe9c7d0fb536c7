import Database from 'better-sqlite3';

type Row = Record<string, unknown>;

/**
 * (iii)'s floor: what SQLite alone needs for the work a rebuild cannot avoid, measured on the same
 * data. (1) Read and JSON-parse the `count` events (payload and metadata) from the log; (2) write
 * every row of the rebuilt read-models file (`built`: its tables, all its rows, as they are) into
 * a fresh file with the rebuild's pragmas, one prepared INSERT per row in transactions of 20,000
 * rows, then create its indexes. No projection logic, no document store: a raw better-sqlite3 loop.
 */
export function replayFloor(eventsFile: string, count: number, built: string, fresh: string) {
  const log = new Database(eventsFile, { readonly: true });
  const started = performance.now();
  let parsed = 0;
  for (const row of log
    .prepare('SELECT data, metadata FROM events WHERE position <= ? ORDER BY position')
    .raw()
    .iterate(count) as IterableIterator<[string, string]>) {
    JSON.parse(row[0]);
    JSON.parse(row[1]);
    parsed += 1;
  }
  const readSeconds = (performance.now() - started) / 1000;
  log.close();

  const source = new Database(built, { readonly: true });
  const schema = source
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type DESC`,
    )
    .all() as { type: 'table' | 'index'; name: string; sql: string }[];
  const tables = schema
    .filter((o) => o.type === 'table')
    .map((o) => ({ ...o, rows: source.prepare(`SELECT * FROM "${o.name}"`).all() as Row[] }));
  source.close();

  const target = new Database(fresh);
  target.pragma('journal_mode = MEMORY');
  target.pragma('synchronous = OFF');
  target.pragma('cache_size = -65536');
  let rows = 0;
  const writeStarted = performance.now();
  for (const table of tables) {
    target.exec(table.sql);
    const columns = Object.keys(table.rows[0] ?? {});
    if (columns.length === 0) continue;
    const insert = target.prepare(
      `INSERT INTO "${table.name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const chunk = target.transaction((part: Row[]) => {
      for (const row of part) insert.run(...columns.map((c) => row[c]));
    });
    for (let start = 0; start < table.rows.length; start += 20_000) chunk(table.rows.slice(start, start + 20_000));
    rows += table.rows.length;
  }
  const writeSeconds = (performance.now() - writeStarted) / 1000;
  const indexStarted = performance.now();
  for (const index of schema.filter((o) => o.type === 'index')) target.exec(index.sql);
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  target.close();
  const seconds = readSeconds + writeSeconds + indexSeconds;
  return { events: parsed, rows, readSeconds, writeSeconds, indexSeconds, seconds, rate: parsed / seconds };
}
