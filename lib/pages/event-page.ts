import 'server-only';
import type { Metadata } from 'next';
import { attributionInputs } from '@/lib/attribution';
import { getConfig } from '@/lib/config';
import { EMBED_CONTEXT_FIELD, embedContextParams, parseEmbedContext, type EmbedContext } from '@/lib/embed/options';
import { isRegistrableSession } from '@/lib/events/select';
import { getEventPage, requestNow } from '@/lib/events/server/catalog';
import { absoluteUrl, eventPath } from '@/lib/events/urls';
import { getRegistrationForm, newFormToken, type RegistrationFormData } from '@/lib/registration/server/forms';
import { buildEventJsonLd } from '@/lib/seo/event-json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { eventShareImagePath } from '@/lib/seo/share-image';
import { decodeSlug, getLandingAttribution, getViewerTimeZone, type SearchParams } from './request';

/**
 * One event's page, for the site (`/events/[slug]`) and for the event and form embeds: the event,
 * its open sessions, and the registration block while one of them takes registrations.
 */

export interface HiddenInput {
  name: string;
  value: string;
}

/** Everything the registration form needs, assembled here so the components only render. */
export interface RegistrationBlock {
  form: RegistrationFormData;
  /** Signed with the time the form was shown (a bot's instant reply is refused). */
  formToken: string;
  /** The landing visit's campaign, and inside an embed its context (theme, host, campaign). */
  hiddenInputs: HiddenInput[];
  /** Preselected instead of the soonest session, when it is open. */
  initialSessionId: string | null;
}

interface EventPageOptions {
  embed: EmbedContext | null;
  initialSessionId: string | null;
}

async function loadEventPage(slug: string, options: EventPageOptions) {
  const [data, form, landing, viewerTimeZone, now] = await Promise.all([
    getEventPage(slug),
    getRegistrationForm(slug),
    // Inside an embed the campaign is the host page's, carried in the embed's own URL.
    options.embed ? null : getLandingAttribution(),
    getViewerTimeZone(),
    requestNow(),
  ]);
  if (!data) return null;
  const { site } = getConfig();
  const open = data.sessions.some((session) => isRegistrableSession(session, now));
  let registration: RegistrationBlock | null = null;
  if (open && form) {
    const hiddenInputs = attributionInputs(options.embed ? options.embed.attribution : landing);
    if (options.embed) hiddenInputs.push({ name: EMBED_CONTEXT_FIELD, value: embedContextParams(options.embed).toString() });
    const initial = options.initialSessionId;
    registration = {
      form,
      formToken: newFormToken(now),
      hiddenInputs,
      initialSessionId: initial !== null && form.sessions.some((session) => session.id === initial && isRegistrableSession(session, now)) ? initial : null,
    };
  }
  return {
    ...data,
    registration,
    viewerTimeZone,
    now,
    locale: options.embed?.options.locale ?? site.locale,
  };
}

export type EventPageView = NonNullable<Awaited<ReturnType<typeof loadEventPage>>>;

/** `/events/[slug]`: the page, with its schema.org events (one per session, cancelled ones too). */
export async function loadSiteEventPage(rawSlug: string) {
  const slug = decodeSlug(rawSlug);
  const view = slug === null ? null : await loadEventPage(slug, { embed: null, initialSessionId: null });
  if (!view) return null;
  const { site } = getConfig();
  const structuredData = buildEventJsonLd({
    event: view.event,
    sessions: [...view.sessions, ...view.canceledSessions],
    site,
    imageUrl: absoluteUrl(site.url, eventShareImagePath(view.event.slug)),
    now: view.now,
  });
  return { ...view, structuredData };
}

/** `/embed/events/[slug]` and its `/register` form: the same page inside another site's iframe. */
export async function loadEmbedEventPage(rawSlug: string, params: SearchParams) {
  const slug = decodeSlug(rawSlug);
  if (slug === null) return null;
  const context = parseEmbedContext(params);
  const session = typeof params.session === 'string' ? params.session : null;
  const view = await loadEventPage(slug, { embed: context, initialSessionId: session });
  return view ? { ...view, context } : null;
}

/** Title, description and canonical URL of an event page; unlisted events are shared by link only. */
export async function eventPageMetadata(rawSlug: string): Promise<Metadata> {
  const slug = decodeSlug(rawSlug);
  const data = slug === null ? null : await getEventPage(slug);
  if (!data) return { title: 'Webinar not found', robots: { index: false } };
  const { site } = getConfig();
  return {
    ...pageMetadata({
      title: data.event.title,
      description: data.event.summary || `A live webinar from ${site.name}: ${data.event.title}.`,
      canonicalPath: eventPath(data.event.slug),
      site,
    }),
    robots: data.event.listed ? undefined : { index: false },
  };
}

/** An embed's title and its canonical, the event's own page; `prefix` names the form embed. */
export async function embedEventMetadata(rawSlug: string, prefix = ''): Promise<Metadata> {
  const slug = decodeSlug(rawSlug);
  const data = slug === null ? null : await getEventPage(slug);
  if (!data) return { title: 'Webinar not found' };
  return { title: `${prefix}${data.event.title}`, alternates: { canonical: eventPath(data.event.slug) } };
}

/** Whether the event exists (the layout answers a real 404 before anything streams). */
export async function eventExists(rawSlug: string): Promise<boolean> {
  const slug = decodeSlug(rawSlug);
  return slug !== null && (await getEventPage(slug)) !== null;
}
