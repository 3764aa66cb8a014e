import 'server-only';
import { getConfig } from '@/lib/config';
import { getEventPage, getViewerTimeZone, requestNow } from '@/lib/events/catalog';
import { isRegistrableSession } from '@/lib/events/select';
import { getRegistrationForm } from '@/lib/registration/service';
import { parseEmbedContext, type EmbedContext } from './options';

type SearchParams = Record<string, string | string[] | undefined>;

/** What the event and form embeds load: the event, its form when a session is open, the context. */
export async function loadEmbedEvent(rawSlug: string, params: SearchParams) {
  const slug = decodeURIComponent(rawSlug);
  const [data, form, viewerTimeZone, now] = await Promise.all([
    getEventPage(slug),
    getRegistrationForm(slug),
    getViewerTimeZone(),
    requestNow(),
  ]);
  if (!data) return null;
  const context: EmbedContext = parseEmbedContext(params);
  const session = typeof params.session === 'string' ? params.session : null;
  return {
    ...data,
    form: form && data.sessions.some((candidate) => isRegistrableSession(candidate, now)) ? form : null,
    context,
    locale: context.options.locale ?? getConfig().site.locale,
    viewerTimeZone,
    now,
    initialSessionId: session,
  };
}
