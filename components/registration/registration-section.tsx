import { LiveStatusScope } from '@/components/live-status/live-status-scope';
import { getConfig } from '@/lib/config';
import { isRegistrableSession } from '@/lib/events/select';
import { issueFormToken, loadOrCreateSecret } from '@/lib/registration/abuse';
import { EMBED_CONTEXT_FIELD, embedContextParams, type EmbedContext } from '@/lib/embed/options';
import { attributionInputs } from '@/lib/registration/attribution';
import type { RegistrationFormData } from '@/lib/registration/service';
import type { Attribution } from '@/lib/registration/types';
import { serverSessionTime } from '@/lib/time';
import { RegistrationForm, type SessionChoice } from './registration-form';

/**
 * The registration block (when a session is open): sessions to choose from, each with its live
 * status, and the event's own form. On the event page, and inside embeds, where the form also carries the embed's context so
 * the visitor lands on the embed's confirmation.
 */
export function RegistrationSection({
  form,
  attribution,
  now,
  viewerTimeZone,
  locale,
  embed,
  heading = { level: 'h2', text: 'Register' },
  initialSessionId,
}: {
  form: RegistrationFormData;
  attribution: Attribution | null;
  now: number;
  viewerTimeZone: string | null;
  locale?: string;
  embed?: EmbedContext;
  heading?: { level: 'h1' | 'h2'; text: string };
  /** Preselected instead of the soonest session, when it is open. */
  initialSessionId?: string | null;
}) {
  const config = getConfig();
  const displayLocale = locale ?? config.site.locale;
  const { event } = form;
  const Heading = heading.level;
  const hiddenInputs = attributionInputs(embed ? embed.attribution : attribution);
  if (embed) hiddenInputs.push({ name: EMBED_CONTEXT_FIELD, value: embedContextParams(embed).toString() });
  const sessions: SessionChoice[] = form.sessions.map((session) => ({
    id: session.id,
    name: session.name,
    startsAt: session.startsAt,
    timeZone: session.timeZone,
    server: serverSessionTime(session.startsAt, event.durationMinutes, session.timeZone, viewerTimeZone, displayLocale),
    registrable: isRegistrableSession(session, now),
  }));

  return (
    <section aria-labelledby="register-heading" id="register" className="flex scroll-mt-4 flex-col gap-4 rounded-2xl border border-slate-200 bg-surface p-5 shadow-sm">
      <Heading id="register-heading" className="text-xl font-semibold text-slate-900">
        {heading.text}
      </Heading>
      <p className="text-sm text-slate-600">Free. Your personal join link will be e-mailed to you.</p>
      <LiveStatusScope items={form.sessions.map((session) => ({ session, event }))} now={now}>
        <RegistrationForm
          eventSlug={event.slug}
          eventTitle={event.title}
          durationMinutes={event.durationMinutes}
          locale={displayLocale}
          sessions={sessions}
          initialSessionIds={sessions.some((session) => session.id === initialSessionId && session.registrable) ? [initialSessionId!] : undefined}
          fields={form.fields}
          formToken={issueFormToken(loadOrCreateSecret(config.registration.secret, config.dataDir), now)}
          hiddenInputs={hiddenInputs}
        />
      </LiveStatusScope>
    </section>
  );
}
