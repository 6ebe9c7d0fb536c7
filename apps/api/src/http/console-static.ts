import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import type { INestApplication, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '#core';
import { isDocsPath, isV1Path } from './security-headers.js';

type Next = (error?: unknown) => void;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Paths the API owns: the console never answers them, so their 404s stay problem+json. */
export function isApiPath(path: string): boolean {
  return isV1Path(path) || isDocsPath(path) || path === '/health' || path.startsWith('/health/');
}

/**
 * The console's Content-Security-Policy: everything from this origin, no inline script or style,
 * nothing framed. The browser also talks to the OpenID Connect issuer (discovery and token
 * endpoint) when AUTH_ISSUER is configured.
 */
export function consoleCsp(issuer?: string): string {
  const connect = ["'self'", ...(issuer ? [new URL(issuer).origin] : [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly immutable: boolean;
}

function readAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else {
        const url = '/' + relative(dir, file).split(sep).join('/');
        const type = TYPES[extname(name)] ?? 'application/octet-stream';
        assets.set(url, { body: readFileSync(file), type, immutable: url.startsWith('/assets/') });
      }
    }
  };
  walk(dir);
  return assets;
}

/**
 * Serves the built admin console (`npm run build` → CONSOLE_DIR) at `/`: its files by exact path
 * (read once at start-up; hashed /assets/* are cached for a year), and index.html for any other
 * GET of a page (`Accept: text/html`) outside /v1, /docs and /health, so client-side routes load.
 * Everything else falls through to the API, whose unknown paths stay 404 problem+json.
 */
export function installConsole(
  app: INestApplication,
  http: AppConfig['http'],
  dir: string,
  logger: Logger,
  issuer?: string,
): void {
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn(`No console at ${dir} (run npm run build): / serves nothing`);
    return;
  }
  const assets = readAssets(dir);
  const index = assets.get('/index.html')!;
  const csp = consoleCsp(issuer);
  /** The console's file for this request, or undefined when the API answers it. */
  const assetFor = (req: IncomingMessage): Asset | undefined => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    const [path = '/'] = (req.url ?? '/').split('?');
    if (isApiPath(path)) return undefined;
    return assets.get(path) ?? ((req.headers.accept ?? '').includes('text/html') ? index : undefined);
  };
  // After the security headers (installHttpPlatform): the console's own CSP replaces the API's.
  const send = (req: IncomingMessage, res: ServerResponse, asset: Asset) => {
    res.statusCode = 200;
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Content-Length', asset.body.length);
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cache-Control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };
  if (http.adapter === 'express') {
    (app as NestExpressApplication).use((req: IncomingMessage, res: ServerResponse, next: Next) => {
      const asset = assetFor(req);
      if (asset) send(req, res, asset);
      else next();
    });
    return;
  }
  (app.getHttpAdapter().getInstance() as FastifyInstance).addHook('onRequest', (request, reply, done) => {
    const asset = assetFor(request.raw);
    if (!asset) return done();
    // Answered here, on the raw response: Fastify's lifecycle stops.
    reply.hijack();
    send(request.raw, reply.raw, asset);
  });
}
