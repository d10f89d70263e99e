import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const inventories = new WeakMap<object, Map<string, RegisteredRoute>>();

/**
 * Records every route Fastify registers: Nest controllers, Swagger, static folders, CORS preflight, and
 * whatever is added later. Call before anything is registered. The permission-matrix and fuzz tests
 * walk this list, so a route nobody thought of cannot slip past them.
 */
export function trackRoutes(fastify: FastifyInstance): void {
  const routes = new Map<string, RegisteredRoute>();
  inventories.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url}`;
      routes.set(key, { method, url: route.url });
      // A plugin's `/` route under a prefix is served at `/p` and `/p/`, but Fastify runs onRoute only for `/p`
      // (its HEAD twin is announced for both): record the silent `/p/` too, so it is walked like any other.
      if (
        method !== 'HEAD' &&
        route.prefix &&
        route.url === route.prefix &&
        !route.prefix.endsWith('/') &&
        (route.prefixTrailingSlash ?? 'both') === 'both'
      ) {
        routes.set(`${method} ${route.url}/`, { method, url: `${route.url}/` });
      }
    }
  });
}

export function registeredRoutes(fastify: FastifyInstance): RegisteredRoute[] {
  const routes = inventories.get(fastify);
  if (!routes) throw new Error('trackRoutes() was not called on this Fastify instance');
  return [...routes.values()].sort((a, b) =>
    a.url === b.url ? a.method.localeCompare(b.method) : a.url.localeCompare(b.url),
  );
}
