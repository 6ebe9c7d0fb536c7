import type { Filter, SortSpec } from '../document-store.port.js';
import { assertDefinedFilter } from '../documents/defined-filter.js';
import { isOperatorObject } from '../documents/upsert-seed.js';
import { type FieldKinds, KIND } from './field-kinds.js';
import { encodeId, isRegExp, jsonPath } from './sql-names.js';

export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** A filter split into SQL conditions (ANDed) and the remainder mingo evaluates on their rows. */
export interface TranslatedFilter {
  readonly where: SqlCondition[];
  readonly rest: Filter[];
}

export interface FilterContext {
  readonly kinds: FieldKinds;
  /** The multikey side table's condition for element equality on `path`, when that path is indexed. */
  readonly elementIn?: (path: string, values: readonly (string | number)[]) => SqlCondition | undefined;
  /** The column holding an indexed path's value (what `json_extract` gives for it), used instead of `json_extract`. */
  readonly column?: (path: string) => string | undefined;
}

/**
 * Translates the part of a MongoDB filter whose SQL meaning is exactly MongoDB's, on an indexed
 * path's column (which the indexes use) or else on `json_extract` over the document. Anything else (regexes, `$elemMatch`, paths through
 * arrays, objects compared whole, type-mixed comparisons) is returned as `rest`.
 */
export function filterToSql(filter: Filter, context: FilterContext): TranslatedFilter {
  assertDefinedFilter(filter);
  const out: TranslatedFilter = { where: [], rest: [] };
  conjunction(filter, context, out);
  return out;
}

function conjunction(filter: Filter, context: FilterContext, out: TranslatedFilter): void {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) conjunction(part as Filter, context, out);
    } else if (key === '$or' && Array.isArray(condition) && condition.length > 0) {
      const branches = condition.map((branch) => {
        const inner = filterToSql(branch as Filter, context);
        return inner.rest.length === 0 ? allConditions(inner.where) : undefined;
      });
      if (branches.every((b) => b !== undefined)) out.where.push(any(branches as SqlCondition[]));
      else out.rest.push({ $or: condition });
    } else if (key.startsWith('$')) {
      out.rest.push({ [key]: condition });
    } else {
      field(key, condition, context, out);
    }
  }
}

function field(path: string, condition: unknown, context: FilterContext, out: TranslatedFilter): void {
  const clause = clauseBuilder(path, context);
  if (!clause) return void out.rest.push({ [path]: condition });
  if (!isOperatorObject(condition)) {
    const sql = clause.eq(condition);
    return void (sql ? out.where.push(sql) : out.rest.push({ [path]: condition }));
  }
  const jsOnly: Record<string, unknown> = {};
  for (const [operator, argument] of Object.entries(condition)) {
    const sql = operator === '$regex' || operator === '$options' ? undefined : clause.operator(operator, argument);
    if (sql) out.where.push(sql);
    else jsOnly[operator] = argument;
  }
  if (Object.keys(jsOnly).length > 0) out.rest.push({ [path]: jsOnly });
}

interface ClauseBuilder {
  eq(value: unknown): SqlCondition | undefined;
  operator(operator: string, argument: unknown): SqlCondition | undefined;
}

function clauseBuilder(path: string, context: FilterContext): ClauseBuilder | undefined {
  if (path === '_id') return idClauses;
  const json = jsonPath(path);
  if (!json || context.kinds.arrayAbove(path)) return undefined;
  const kinds = context.kinds.at(path);
  return (kinds & KIND.array) !== 0
    ? elementClauses(path, json, context)
    : scalarClauses(json, kinds, valueOf(path, json, context.column));
}

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** The SQL value of a path: its column when indexed, else `json_extract` (both NULL when missing or null). */
function valueOf(path: string, json: string, column: FilterContext['column']): string {
  return column?.(path) ?? `json_extract(doc, ${json})`;
}

/** A path that never held an array: `value` is its SQL value (NULL when missing or null). */
function scalarClauses(json: string, kinds: number, value: string): ClauseBuilder {
  const type = `json_type(doc, ${json})`;
  const hasObjects = (kinds & KIND.object) !== 0;
  const hasBooleans = (kinds & KIND.boolean) !== 0;
  // json_extract returns objects as JSON text and JSON true as 1: guard only when such values exist.
  const textGuard = (s: string) => (hasObjects && /^[[{]/.test(s) ? ` AND ${type} = 'text'` : '');
  const numberGuard = hasBooleans ? ` AND ${type} IN ('integer', 'real')` : '';

  const eq = (v: unknown): SqlCondition | undefined => {
    if (v === null) return { sql: `${value} IS NULL`, params: [] };
    if (typeof v === 'string') return { sql: `(${value} = ?${textGuard(v)})`, params: [v] };
    if (isNumber(v)) return { sql: `(${value} = ?${numberGuard})`, params: [v] };
    if (typeof v === 'boolean') {
      const guard = (kinds & KIND.number) !== 0 ? ` AND ${type} = '${v}'` : '';
      return { sql: `(${value} = ?${guard})`, params: [v ? 1 : 0] };
    }
    return undefined;
  };
  const inList = (list: unknown): SqlCondition | undefined => {
    if (!Array.isArray(list)) return undefined;
    if (list.length === 0) return { sql: '0', params: [] };
    const strings = list.every((v) => typeof v === 'string' && textGuard(v) === '');
    const numbers = !hasBooleans && list.every(isNumber);
    // One parameter for the whole list keeps one SQL text (and one cached statement) per query shape.
    if (strings || numbers)
      return { sql: `${value} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(list)] };
    const parts = list.map(eq);
    return parts.every((p) => p !== undefined) ? any(parts as SqlCondition[]) : undefined;
  };
  const range = (operator: string, v: unknown): SqlCondition | undefined => {
    const op = RANGE[operator];
    if (op === undefined) return undefined;
    // SQLite orders NULL < numbers < text: the extra bound keeps each type in its MongoDB bracket.
    if (typeof v === 'string') {
      const lower = op.startsWith('<') ? ` AND ${value} >= ''` : '';
      const guard = hasObjects ? ` AND ${type} = 'text'` : '';
      return { sql: `(${value} ${op} ?${lower}${guard})`, params: [v] };
    }
    if (isNumber(v)) {
      const upper = op.startsWith('>') ? ` AND ${value} < ''` : '';
      return { sql: `(${value} ${op} ?${upper}${numberGuard})`, params: [v] };
    }
    return undefined;
  };
  return {
    eq,
    operator(operator, argument) {
      switch (operator) {
        case '$eq':
          return eq(argument);
        case '$ne':
          return not(eq(argument));
        case '$in':
          return inList(argument);
        case '$nin':
          return not(inList(argument));
        case '$exists':
          return { sql: `${type} IS ${argument ? 'NOT ' : ''}NULL`, params: [] };
        default:
          return operator in RANGE ? range(operator, argument) : undefined;
      }
    },
  };
}

/**
 * A path that has held an array: equality matches the value or any element. Only string and
 * number (in)equality is translated, through the multikey side table when the path is indexed,
 * else through json_each (exact, but a scan); everything else on such a path is left to mingo.
 */
function elementClauses(path: string, json: string, context: FilterContext): ClauseBuilder {
  const inList = (list: unknown): SqlCondition | undefined => {
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const strings = list.every((v) => typeof v === 'string');
    if (!strings && !list.every(isNumber)) return undefined;
    const values = list as (string | number)[];
    const indexed = context.elementIn?.(path, values);
    if (indexed) return indexed;
    const types = strings ? `'text'` : `'integer', 'real'`;
    // json_each yields a scalar itself, an array's elements, or an object's members (keys are text).
    return {
      sql:
        `EXISTS (SELECT 1 FROM json_each(doc, ${json}) AS e WHERE e.value IN (SELECT value FROM json_each(?))` +
        ` AND e.type IN (${types}) AND (e.key IS NULL OR typeof(e.key) = 'integer'))`,
      params: [JSON.stringify(values)],
    };
  };
  return {
    eq: (v) => inList([v]),
    operator: (operator, argument) =>
      operator === '$eq' ? inList([argument]) : operator === '$in' ? inList(argument) : undefined,
  };
}

/** `_id` is the primary-key column (see encodeId); it is never missing or NULL. */
const idClauses: ClauseBuilder = {
  eq(v) {
    return v === undefined || isRegExp(v) ? undefined : { sql: 'id = ?', params: [encodeId(v)] };
  },
  operator(operator, argument) {
    switch (operator) {
      case '$eq':
        return this.eq(argument);
      case '$ne':
        return not(this.eq(argument));
      case '$in':
        return idIn(argument);
      case '$nin':
        return not(idIn(argument));
      case '$exists':
        return { sql: argument ? '1' : '0', params: [] };
    }
    const op = RANGE[operator];
    if (op === undefined) return undefined;
    if (op && typeof argument === 'string') return { sql: `(id ${op} ? AND typeof(id) = 'text')`, params: [argument] };
    if (op && isNumber(argument))
      return { sql: `(id ${op} ? AND typeof(id) IN ('integer', 'real'))`, params: [argument] };
    return undefined;
  },
};

function idIn(list: unknown): SqlCondition | undefined {
  if (!Array.isArray(list)) return undefined;
  if (list.length === 0) return { sql: '0', params: [] };
  if (list.every((v) => typeof v === 'string'))
    return { sql: 'id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(list)] };
  if (list.some((v) => v === undefined || isRegExp(v))) return undefined;
  return { sql: `id IN (${list.map(() => '?').join(', ')})`, params: list.map(encodeId) };
}

/**
 * ORDER BY for a sort SQLite orders exactly as MongoDB does: paths that only ever held numbers,
 * strings and null (or only booleans and null), never through an array. Ties keep insertion
 * order (rowid), like the in-memory store. Undefined means: sort in JS.
 */
export function sortToSql(sort: SortSpec, kinds: FieldKinds, column?: FilterContext['column']): string | undefined {
  const terms: string[] = [];
  for (const [path, direction] of Object.entries(sort)) {
    const order = direction === -1 ? 'DESC' : 'ASC';
    if (path === '_id') {
      terms.push(`id ${order}`);
      continue;
    }
    const json = jsonPath(path);
    const bits = kinds.at(path);
    const scalars =
      (bits & ~(KIND.null | KIND.number | KIND.string)) === 0 || (bits & ~(KIND.null | KIND.boolean)) === 0;
    if (!json || !scalars || kinds.arrayAbove(path)) return undefined;
    terms.push(`${valueOf(path, json, column)} ${order}`);
  }
  if (!('_id' in sort)) terms.push('rowid');
  return terms.join(', ');
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0);
}

export function allConditions(conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: '1', params: [] };
  if (conditions.length === 1) return conditions[0]!;
  return { sql: `(${conditions.map((c) => c.sql).join(' AND ')})`, params: conditions.flatMap((c) => c.params) };
}

function any(conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 1) return conditions[0]!;
  return { sql: `(${conditions.map((c) => c.sql).join(' OR ')})`, params: conditions.flatMap((c) => c.params) };
}

/** MongoDB's negations match missing fields, where the SQL condition is NULL. */
function not(condition: SqlCondition | undefined): SqlCondition | undefined {
  return condition && { sql: `NOT coalesce(${condition.sql}, 0)`, params: condition.params };
}
