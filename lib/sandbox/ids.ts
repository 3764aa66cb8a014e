import { createHash } from 'node:crypto';

const NAMESPACE = 'livestorm-sandbox/acme-analytics';

function digest(key: string): string {
  return createHash('sha256').update(`${NAMESPACE}/${key}`).digest('hex');
}

/** Stable lowercase v4-format UUID derived from a key, so seed ids survive reseeding and restarts. */
export function seedUuid(key: string): string {
  const h = digest(key).split('');
  h[12] = '4';
  h[16] = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** Stable hex string of `length` chars derived from a key (seed password keys). */
export function seedHex(key: string, length: number): string {
  return digest(key).slice(0, length);
}

/** kebab-case ASCII slug: accents stripped, `&`/punctuation dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "company_size" -> "Company size" */
export function humanize(slug: string): string {
  const words = slug.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids of seeded records, derived from their keys in seed/workspace-data.ts. */
export const seedEventId = (key: string): string => seedUuid(`event/${key}`);
export const seedSessionId = (key: string): string => seedUuid(`session/${key}`);
