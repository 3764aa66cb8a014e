import { LiveStatusScope } from '@/components/live-status/live-status-scope';
import { isRegistrableSession } from '@/lib/events/select';
import type { RegistrationBlock } from '@/lib/pages/event-page';
import { serverSessionTime } from '@/lib/time';
import { RegistrationForm, type SessionChoice } from './registration-form';

/**
 * The registration block (when a session is open): sessions to choose from, each with its live
 * status, and the event's own form. On the event page, and inside embeds, where the form also
 * carries the embed's context so the visitor lands on the embed's confirmation.
 */
export function RegistrationSection({
  registration,
  now,
  viewerTimeZone,
  locale,
  heading = { level: 'h2', text: 'Register' },
}: {
  registration: RegistrationBlock;
  now: number;
  viewerTimeZone: string | null;
  locale: string;
  heading?: { level: 'h1' | 'h2'; text: string };
}) {
  const { form, initialSessionId } = registration;
  const { event } = form;
  const Heading = heading.level;
  const sessions: SessionChoice[] = form.sessions.map((session) => ({
    id: session.id,
    name: session.name,
    startsAt: session.startsAt,
    timeZone: session.timeZone,
    server: serverSessionTime(session.startsAt, event.durationMinutes, session.timeZone, viewerTimeZone, locale),
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
          locale={locale}
          sessions={sessions}
          initialSessionIds={initialSessionId ? [initialSessionId] : undefined}
          fields={form.fields}
          formToken={registration.formToken}
          hiddenInputs={registration.hiddenInputs}
        />
      </LiveStatusScope>
    </section>
  );
}
