import 'server-only';
import { cookies } from 'next/headers';
import { getConfig } from '@/lib/config';
import { parseEmbedContext } from '@/lib/embed/options';
import type { EmbedEvent, EmbedRegistrationStatus } from '@/lib/embed/protocol';
import { isRegistrableSession } from '@/lib/events/select';
import { getCatalog, requestNow } from '@/lib/events/server/catalog';
import type { Session, WebinarEvent } from '@/lib/livestorm/types';
import { CONFIRMATION_COOKIE, isSubmissionId } from '@/lib/registration/confirmation';
import type { EntryStatus } from '@/lib/registration/server/outbox';
import { getRegistrationRuntime } from '@/lib/registration/server/runtime';
import { getViewerTimeZone, type SearchParams } from './request';

/** A registration's outcome page, on the site (`/registrations/[id]`) and inside an embed. */

export type ConfirmationItem = {
  entryId: string;
  status: EntryStatus;
  /** Null when the session has left our catalog (deleted, or long past). */
  session: Session | null;
  event: WebinarEvent | null;
  /** Only for the visitor who just registered, and only when configuration allows it. */
  joinLink: string | null;
  detail: string | null;
  /** Other sessions of the same event still taking registrations (offered when this one failed). */
  otherOpenSessions: number;
};

/** The outcome of one submission, for its confirmation page; null when unknown or expired. */
async function getConfirmation(submissionId: string): Promise<ConfirmationItem[] | null> {
  if (!isSubmissionId(submissionId)) return null;
  const { outbox } = getRegistrationRuntime();
  const entries = outbox.bySubmission(submissionId);
  if (entries.length === 0) return null;
  const [catalog, cookieStore, now] = await Promise.all([getCatalog(), cookies(), requestNow()]);
  const ownsPage = cookieStore.get(CONFIRMATION_COOKIE)?.value === submissionId;
  const showJoinLink = getConfig().registration.showJoinLink && ownsPage;
  return entries.map((entry) => {
    const session = catalog.sessions.find((candidate) => candidate.id === entry.sessionId) ?? null;
    const event = session ? (catalog.events.find((candidate) => candidate.id === session.eventId) ?? null) : null;
    return {
      entryId: entry.id,
      status: entry.status,
      session,
      event,
      joinLink: showJoinLink && entry.status === 'registered' ? entry.joinLink : null,
      detail: entry.detail,
      otherOpenSessions: event
        ? catalog.sessions.filter((other) => other.eventId === event.id && other.id !== entry.sessionId && isRegistrableSession(other, now)).length
        : 0,
    };
  });
}

/** `/registrations/[id]`. */
export async function loadConfirmationPage(submissionId: string) {
  const [items, viewerTimeZone] = await Promise.all([getConfirmation(submissionId), getViewerTimeZone()]);
  if (!items) return null;
  const { site } = getConfig();
  return { items, viewerTimeZone, locale: site.locale, siteUrl: site.url };
}

const SUCCEEDED = new Set<EntryStatus>(['registered', 'pending', 'already_registered']);

/** What the host page learns: which sessions went through, and how. Nothing about the person. */
export function registrationOutcomeMessage(items: ConfirmationItem[]): EmbedEvent | null {
  const succeeded = items.filter((item) => SUCCEEDED.has(item.status) && item.session && item.event);
  const event = items.find((item) => item.event)?.event;
  if (!event) return null;
  if (succeeded.length === 0) {
    return { type: 'error', code: 'registration_failed', message: 'The registration did not go through.' };
  }
  return {
    type: 'registered',
    eventId: event.id,
    eventSlug: event.slug,
    sessions: succeeded.map((item) => ({ sessionId: item.session!.id, status: item.status as EmbedRegistrationStatus })),
  };
}

/** `/embed/registrations/[id]`: the same outcome inside the embed, and the message for its host. */
export async function loadEmbedConfirmationPage(submissionId: string, params: SearchParams) {
  const page = await loadConfirmationPage(submissionId);
  if (!page) return null;
  const context = parseEmbedContext(params);
  return {
    ...page,
    context,
    locale: context.options.locale ?? page.locale,
    outcome: registrationOutcomeMessage(page.items),
  };
}
