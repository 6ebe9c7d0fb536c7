import { Query } from 'mingo';
import { cloneValue, sameValue } from './document-values.js';
import type { Document, UpdateDocument } from '../document-store.port.js';
import { isOperatorObject } from './upsert-seed.js';

type Operator = Exclude<keyof UpdateDocument, '$setOnInsert'>;
const OPERATORS: readonly Operator[] = ['$set', '$unset', '$inc', '$push', '$pull', '$addToSet'];

/**
 * Applies the port's update operators with MongoDB's semantics to `target`, a shallow copy of a
 * stored document: every object or array on a changed path is copied before it is written
 * (copy-on-write), so the stored original is never touched. Answers whether anything changed. Our own code rather than mingo's updater: mingo rebuilds its whole
 * operator context on every call (~100 µs), which made projection replay 10× too slow.
 * Conditions inside `$pull` are still evaluated by mingo.
 */
export function applyUpdate(target: Document, update: Omit<UpdateDocument, '$setOnInsert'>): boolean {
  assertNoConflicts(update);
  let changed = false;
  for (const [operator, fields] of Object.entries(update) as [string, Record<string, unknown>][]) {
    if (!(OPERATORS as readonly string[]).includes(operator))
      throw new Error(`unsupported update operator ${operator}`);
    for (const [path, argument] of Object.entries(fields ?? {})) {
      if (path.includes('$')) throw new Error(`positional updates are not supported: ${path}`);
      if (applyOne(target, operator as Operator, path, argument)) changed = true;
    }
  }
  return changed;
}

function applyOne(target: Document, operator: Operator, path: string, argument: unknown): boolean {
  const { parent, key } = locate(target, path, operator !== '$unset' && operator !== '$pull');
  if (parent === undefined) return false;
  const current = parent[key];
  switch (operator) {
    case '$set':
      if (current !== undefined && same(current, argument)) return false;
      parent[key] = cloneValue(argument);
      return true;
    case '$unset':
      if (!(key in parent)) return false;
      delete parent[key];
      return true;
    case '$inc': {
      if (typeof argument !== 'number') throw new Error(`$inc needs a number at ${path}`);
      if (current !== undefined && typeof current !== 'number') throw new Error(`cannot $inc non-number ${path}`);
      if (argument === 0 && current !== undefined) return false;
      parent[key] = ((current as number | undefined) ?? 0) + argument;
      return true;
    }
    case '$push':
    case '$addToSet': {
      const array = arrayAt(parent, key, path);
      parent[key] = array;
      const items = eachOf(argument);
      const added =
        operator === '$push'
          ? items
          : items.filter((item, i) => !array.some((v) => same(v, item)) && items.findIndex((o) => same(o, item)) === i);
      array.push(...added.map((v) => cloneValue(v)));
      return added.length > 0;
    }
    case '$pull': {
      if (current === undefined) return false;
      if (!Array.isArray(current)) throw new Error(`cannot $pull from non-array ${path}`);
      const matches = pullMatcher(argument);
      const kept = current.filter((v) => !matches(v));
      if (kept.length === current.length) return false;
      parent[key] = kept;
      return true;
    }
  }
}

/** The object holding the last segment of `path`, created on the way when `create` is set. */
function locate(target: Document, path: string, create: boolean): { parent?: Document; key: string } {
  const parts = path.split('.');
  const key = parts.at(-1) ?? path;
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === undefined && !create) return { key };
    if (next !== undefined && (next === null || typeof next !== 'object' || Array.isArray(next))) {
      throw new Error(`cannot traverse ${part} in ${path}`);
    }
    node = node[part] = { ...(next as Document | undefined) };
  }
  return { parent: node, key };
}

/** A copy of the array at `key` (or a new one), to be written back by the caller. */
function arrayAt(parent: Document, key: string, path: string): unknown[] {
  const current = parent[key];
  if (current === undefined) return [];
  if (!Array.isArray(current)) throw new Error(`${path} is not an array`);
  return [...current];
}

function eachOf(argument: unknown): unknown[] {
  if (argument !== null && typeof argument === 'object' && '$each' in argument) {
    const each = (argument as { $each: unknown }).$each;
    if (!Array.isArray(each)) throw new Error('$each needs an array');
    return each;
  }
  return [argument];
}

function pullMatcher(condition: unknown): (value: unknown) => boolean {
  if (isOperatorObject(condition)) {
    const query = new Query({ v: condition });
    return (value) => query.test({ v: value });
  }
  if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
    const query = new Query(condition as Document);
    return (value) => value !== null && typeof value === 'object' && query.test(value as Document);
  }
  return (value) => same(value, condition);
}

const same = sameValue;

/** MongoDB refuses two operators touching the same path or one path inside another. */
function assertNoConflicts(update: Omit<UpdateDocument, '$setOnInsert'>): void {
  const paths = Object.values(update).flatMap((fields) => Object.keys(fields ?? {}));
  if (paths.length < 2) return;
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = [paths[i]!, paths[j]!];
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) {
        throw new Error(`updating the path '${a}' would create a conflict at '${b}'`);
      }
    }
  }
}
