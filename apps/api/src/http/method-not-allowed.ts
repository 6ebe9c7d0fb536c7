/**
 * Which methods the router serves for a path, read from Express's own route table (every route
 * Nest discovered and registered, plus /docs), so the answer can never drift from the controllers.
 */
interface RouteLayer {
  match?(path: string): unknown;
  route?: { methods: Record<string, boolean> };
}
export interface ExpressRouterHost {
  router?: { stack: RouteLayer[] };
}

export function allowedMethods(app: ExpressRouterHost, path: string): string[] {
  const methods = new Set<string>();
  for (const layer of app.router?.stack ?? []) {
    if (!layer.route || !layer.match?.(path)) continue;
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  // Express answers HEAD with the GET handler.
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
