import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

/** An error body-parser would raise, with the status it carries (413, 415, 400): the filter keeps it. */
class BodyError extends Error {
  readonly expose = true;

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * Installs the only body parsers of the Express app (Nest's defaults are off): a size limit for JSON
 * and forms (413 beyond it), a nesting limit checked on the raw text, and a refusal of prototype keys
 * as unknown fields (400 VALIDATION_FAILED), all before any controller, guard or pipe runs.
 */
export function installExpressBodyParsers(app: NestExpressApplication, limits: BodyLimits): void {
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

type ParserDone = (error: Error | null, body?: unknown) => void;

/** The charset parameter of a Content-Type header, lower case, or undefined. */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** A body as Express's parsers receive it: gzip / deflate / br inflated, bounded by the limit after inflating. */
function inflate(body: Buffer, encoding: string | string[] | undefined, limit: number): Buffer {
  const name = (typeof encoding === 'string' ? encoding : 'identity').trim().toLowerCase();
  const options = { maxOutputLength: limit };
  try {
    if (name === 'identity') return body;
    if (name === 'gzip' || name === 'x-gzip') return gunzipSync(body, options);
    if (name === 'deflate') return inflateSync(body, options);
    if (name === 'br') return brotliDecompressSync(body, options);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new BodyError(413, 'request entity too large');
    throw new BodyError(400, 'The request body could not be decompressed.');
  }
  throw new BodyError(415, `unsupported content encoding "${name}"`);
}

/** JSON as body-parser parses it (strict: an object or an array; empty: {}), after the depth check on the text. */
export function parseJsonBody(body: Buffer, contentType: string | undefined, maxDepth: number): unknown {
  const charset = charsetOf(contentType) ?? 'utf-8';
  if (!charset.startsWith('utf-')) throw new BodyError(415, `unsupported charset "${charset.toUpperCase()}"`);
  let text: string;
  try {
    text = new TextDecoder(charset).decode(body);
  } catch {
    throw new BodyError(415, `unsupported charset "${charset.toUpperCase()}"`);
  }
  if (jsonDepthExceeds(text, maxDepth)) throw new JsonTooDeepError(maxDepth);
  if (text.length === 0) return {};
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[')
    throw new BodyError(400, `Unexpected token ${first ?? 'end'} in JSON: only objects and arrays are accepted`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BodyError(400, (error as Error).message);
  }
}

/**
 * The same parsers on Fastify, replacing its own: JSON and flat forms within the size limit (413),
 * the nesting limit on the raw text and prototype keys refused (400), before any hook, guard or pipe;
 * any other content type is read within the limit and ignored, as Express ignores it.
 */
export function installFastifyBodyParsers(instance: FastifyInstance, limits: BodyLimits): void {
  const bodyLimit = limits.bodyLimitBytes;
  const parser =
    (parse: (body: Buffer, request: FastifyRequest) => unknown) =>
    (request: FastifyRequest, body: Buffer, done: ParserDone): void => {
      try {
        const parsed = parse(inflate(body, request.headers['content-encoding'], bodyLimit), request);
        const errors = prototypeKeys(parsed);
        done(errors.length > 0 ? validationFailed(errors) : null, parsed);
      } catch (error) {
        done(error as Error);
      }
    };
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit },
    parser((body, request) => parseJsonBody(body, request.headers['content-type'], limits.jsonMaxDepth)),
  );
  // Flat forms only, as on Express (querystring, not nested).
  instance.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit },
    parser((body) => parseQueryString(body.toString('utf8'), undefined, undefined, { maxKeys: 1000 })),
  );
  instance.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit },
    parser(() => undefined),
  );
}
