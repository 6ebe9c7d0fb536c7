import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type FieldError, validationFailed } from '#core';

export interface BodyLimits {
  readonly bodyLimitBytes: number;
  readonly jsonMaxDepth: number;
}

/**
 * A JSON body nested deeper than this is refused before it is parsed: deep nesting overflows the
 * stack of class-transformer (a 500 and a stack trace in the log per request), and no request of
 * ours nests more than a few levels. Thrown from body-parser's `verify`, which keeps our status.
 */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly expose = true;

  constructor(readonly maxDepth: number) {
    super(`The JSON body is nested deeper than ${maxDepth} levels.`);
    this.name = 'JsonTooDeepError';
  }
}

/** Nesting depth of a JSON text, counting brackets outside strings; stops early once past `max`. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** The body as text; for a charset TextDecoder lacks (UTF-32) its bytes, whose ASCII brackets and quotes still count. */
function decode(body: Buffer, encoding: string): string {
  try {
    return new TextDecoder(encoding || 'utf-8').decode(body);
  } catch {
    return body.toString('latin1');
  }
}

/** Keys that JSON.parse keeps as own properties but class-transformer silently drops. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every `__proto__` / `constructor` / `prototype` key in a parsed body, by path (depth is already bounded). */
export function prototypeKeys(value: unknown, path = ''): FieldError[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = path ? `${path}.${key}` : key;
    const own = PROTOTYPE_KEYS.has(key) ? [{ field, message: `property ${key} should not exist` }] : [];
    return [...own, ...prototypeKeys((value as Record<string, unknown>)[key], field)];
  });
}

/**
 * Installs the only body parsers of the app (Nest's defaults are off): a size limit for JSON and
 * forms (413 beyond it), a nesting limit checked on the raw text, and a refusal of prototype keys
 * as unknown fields (400 VALIDATION_FAILED), all before any controller, guard or pipe runs.
 */
export function installBodyParsers(app: NestExpressApplication, limits: BodyLimits): void {
  const verify = (_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string) => {
    if (jsonDepthExceeds(decode(body, encoding), limits.jsonMaxDepth)) {
      throw new JsonTooDeepError(limits.jsonMaxDepth);
    }
  };
  app.useBodyParser('json', { limit: limits.bodyLimitBytes, verify });
  // Flat forms only: the API speaks JSON; a form cannot smuggle nesting past the depth check.
  app.useBodyParser('urlencoded', { limit: limits.bodyLimitBytes, extended: false });
  app.use((req: { body?: unknown }, _res: unknown, next: (error?: unknown) => void) => {
    const errors = prototypeKeys(req.body);
    next(errors.length > 0 ? validationFailed(errors) : undefined);
  });
}
