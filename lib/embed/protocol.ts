/**
 * The embeds' message contract: what an embedded page posts to its host page with
 * `window.parent.postMessage`. `public/embed.js` (the loader) reads exactly these shapes; the
 * docs/embedding.md documents them for hosts that listen themselves. Version 1; additions only.
 *
 * No message carries personal data: no names, no e-mail addresses, no join links.
 */

export const EMBED_MESSAGE_SOURCE = 'livestorm-events';
export const EMBED_PROTOCOL_VERSION = 1;

export type EmbedKind = 'list' | 'event' | 'form' | 'confirmation';

/** Outcome of one session of a registration, as far as the host needs to know. */
export type EmbedRegistrationStatus = 'registered' | 'pending' | 'already_registered';

export type EmbedErrorCode = 'not_found' | 'unavailable' | 'registration_failed' | 'registration_closed';

export type EmbedEvent =
  /** The page is shown; `title` names the iframe for assistive technology. */
  | { type: 'ready'; kind: EmbedKind; title: string; path: string }
  /** The content's height in CSS pixels (the loader clamps it). */
  | { type: 'resize'; height: number }
  /** The sessions currently chosen in a registration form (on load and on each change). */
  | { type: 'session-selected'; eventId: string; eventSlug: string; sessionIds: string[] }
  /** A registration went through (or is queued: `pending`); sessions that failed are left out. */
  | {
      type: 'registered';
      eventId: string;
      eventSlug: string;
      sessions: Array<{ sessionId: string; status: EmbedRegistrationStatus }>;
    }
  | { type: 'error'; code: EmbedErrorCode; message: string };

export type EmbedEventType = EmbedEvent['type'];

export type EmbedMessage = EmbedEvent & {
  source: typeof EMBED_MESSAGE_SOURCE;
  version: typeof EMBED_PROTOCOL_VERSION;
  /** The loader's id for this iframe (`data-embed-id` or generated), null for a plain iframe. */
  embedId: string | null;
};

export function embedMessage(event: EmbedEvent, embedId: string | null): EmbedMessage {
  return { ...event, source: EMBED_MESSAGE_SOURCE, version: EMBED_PROTOCOL_VERSION, embedId };
}

/** Heights the loader accepts: a page cannot shrink an iframe to nothing or grow it without bound. */
export const MIN_EMBED_HEIGHT = 60;
export const MAX_EMBED_HEIGHT = 20_000;

export function clampEmbedHeight(height: unknown): number | null {
  if (typeof height !== 'number' || !Number.isFinite(height)) return null;
  return Math.min(MAX_EMBED_HEIGHT, Math.max(MIN_EMBED_HEIGHT, Math.ceil(height)));
}
