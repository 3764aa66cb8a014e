/**
 * One value per server process. Next bundles pages, route handlers, server actions and
 * instrumentation separately, so a module-level variable can exist once per bundle; what must be
 * shared (the Livestorm client and its rate limiter, the caches a webhook refreshes, the outbox and
 * its worker) is kept here, on globalThis. `create` runs once per key; if it throws, nothing is kept.
 */
const globalForSingletons = globalThis as typeof globalThis & { __livestormEventsSingletons?: Map<string, unknown> };

export function processSingleton<T>(key: string, create: () => T): T {
  const singletons = (globalForSingletons.__livestormEventsSingletons ??= new Map());
  if (!singletons.has(key)) singletons.set(key, create());
  return singletons.get(key) as T;
}
