import { getConfig } from '@/lib/config';
import { isLiveSession, isRegistrableSession } from '@/lib/events/select';
import { issueFormToken, loadOrCreateSecret } from '@/lib/registration/abuse';
import { attributionInputs } from '@/lib/registration/attribution';
import type { RegistrationFormData } from '@/lib/registration/service';
import type { Attribution } from '@/lib/registration/types';
import { serverSessionTime } from '@/lib/time';
import { RegistrationForm, type SessionChoice } from './registration-form';

/** The event page's registration block (when a session is open): sessions to choose from and the event's own form. */
export function RegistrationSection({
  form,
  attribution,
  now,
  viewerTimeZone,
}: {
  form: RegistrationFormData;
  attribution: Attribution | null;
  now: number;
  viewerTimeZone: string | null;
}) {
  const config = getConfig();
  const { event } = form;
  const sessions: SessionChoice[] = form.sessions.map((session) => ({
    id: session.id,
    name: session.name,
    startsAt: session.startsAt,
    timeZone: session.timeZone,
    server: serverSessionTime(session.startsAt, event.durationMinutes, session.timeZone, viewerTimeZone, config.site.locale),
    live: isLiveSession(session),
    registrable: isRegistrableSession(session, now),
  }));

  return (
    <section aria-labelledby="register-heading" id="register" className="flex scroll-mt-4 flex-col gap-4 rounded-2xl border border-slate-200 bg-surface p-5 shadow-sm">
      <h2 id="register-heading" className="text-xl font-semibold text-slate-900">
        Register
      </h2>
      <p className="text-sm text-slate-600">Free. Your personal join link will be e-mailed to you.</p>
      <RegistrationForm
        eventSlug={event.slug}
        eventTitle={event.title}
        durationMinutes={event.durationMinutes}
        locale={config.site.locale}
        sessions={sessions}
        fields={form.fields}
        formToken={issueFormToken(loadOrCreateSecret(config.registration.secret, config.dataDir), now)}
        hiddenInputs={attributionInputs(attribution)}
      />
    </section>
  );
}
