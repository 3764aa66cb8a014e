/** Cache tags: webhooks and operators mark exactly what changed as stale. */
export const TAGS = {
  catalog: 'livestorm:catalog',
  events: 'livestorm:events',
  sessions: 'livestorm:sessions',
} as const;
export type CatalogTag = (typeof TAGS)[keyof typeof TAGS];
