/** The honeypot: client-safe, the form renders the field and the server action checks it. */

/**
 * A text input hidden from people (visually and from assistive tech) that bots fill in. The name
 * avoids every word autofill and password managers look for (name, mail, phone, address, company,
 * url, website…), and the double underscore cannot come out of a slug generator, so it never
 * collides with a Livestorm field id.
 */
export const HONEYPOT_FIELD = 'how_did_you_hear__other';

/** Takes what FormData.get returns (or getAll); whitespace alone does not count as filled. */
export function isHoneypotFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isHoneypotFilled);
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value.size > 0;
  // A text input never submits anything else: only a hand-made request does.
  return true;
}
