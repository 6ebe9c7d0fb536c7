import type { HttpServer } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * Which methods the router serves for a path, read from the HTTP server's own route table (every
 * route Nest discovered and registered, plus /docs), so the answer can never drift from the controllers.
 */
export function allowedMethods(adapter: HttpServer, path: string): string[] {
  const methods = new Set(
    adapter.getType() === 'fastify'
      ? fastifyMethods(adapter.getInstance() as FastifyInstance, path)
      : expressMethods(adapter.getInstance() as ExpressRouterHost, path),
  );
  // Both answer HEAD with the GET handler.
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

interface RouteLayer {
  match?(path: string): unknown;
  route?: { methods: Record<string, boolean> };
}
interface ExpressRouterHost {
  router?: { stack: RouteLayer[] };
}

function* expressMethods(app: ExpressRouterHost, path: string): Iterable<string> {
  for (const layer of app.router?.stack ?? []) {
    if (!layer.route || !layer.match?.(path)) continue;
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') yield method.toUpperCase();
    }
  }
}

/** Fastify keeps no route table one can match a path against: each route is recorded as it is added. */
const fastifyRoutes = new WeakMap<FastifyInstance, { pattern: RegExp; methods: string[] }[]>();

/** Call before the routes are registered (before `app.init()`). */
export function recordFastifyRoutes(instance: FastifyInstance): void {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  fastifyRoutes.set(instance, routes);
  instance.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
    routes.push({ pattern: routePattern(route.url), methods });
  });
}

function* fastifyMethods(instance: FastifyInstance, path: string): Iterable<string> {
  for (const route of fastifyRoutes.get(instance) ?? []) if (route.pattern.test(path)) yield* route.methods;
}

/** `/v1/sites/:siteId/users` → a regular expression matching its paths (`*` matches the rest; a trailing slash is ignored, as routed). */
export function routePattern(url: string): RegExp {
  const source = url
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) =>
      segment === '*'
        ? '.*'
        : segment.startsWith(':')
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*$/, '.*'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}
