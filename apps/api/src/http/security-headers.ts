import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

type Next = (error?: unknown) => void;

/** Where SwaggerModule serves its UI (HTML plus its own script and style files). */
export const DOCS_PATH = '/docs';

// The API answers JSON and CSV only: nothing may load, run or frame anything.
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
});

// The Swagger UI page loads its scripts as same-origin files (no inline script, so no nonce or
// 'unsafe-inline' for scripts); its HTML has <style> blocks and the UI sets style attributes, so
// styles alone get 'unsafe-inline', on /docs only. Icons are data: URIs; "Try it out" calls the
// API on the same origin. No upgrade-insecure-requests: local HTTP runs must still load it.
const docsHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
});

export const isDocsPath = (path: string) =>
  path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`) || path.startsWith(`${DOCS_PATH}-`);
export const isV1Path = (path: string) => path === '/v1' || path.startsWith('/v1/');
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0] ?? '';

/**
 * Security headers on every answer (helmet: nosniff, CSP, frame and referrer policies, no
 * X-Powered-By), and `Cache-Control: no-store` on everything under /v1: those answers carry
 * personal data (including CSV downloads) and must not stay in browser or proxy caches.
 * Written on the Node response, so both adapters merge them into whatever they send.
 */
export function securityHeaders(req: IncomingMessage, res: ServerResponse, next: Next): void {
  const path = pathOf(req.url);
  if (isV1Path(path)) res.setHeader('Cache-Control', 'no-store');
  (isDocsPath(path) ? docsHeaders : apiHeaders)(req, res, next);
}

export function installExpressSecurityHeaders(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use(securityHeaders);
}

/** The same headers on Fastify, from its first hook: before body parsing, for 404s and errors too. */
export function installFastifySecurityHeaders(instance: FastifyInstance): void {
  instance.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
}
