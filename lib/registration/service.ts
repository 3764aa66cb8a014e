import 'server-only';
import path from 'node:path';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { createTaggedCache, type TaggedCache } from '@/lib/cache/tagged-cache';
import { getConfig } from '@/lib/config';
import { getCatalog, getEventPage } from '@/lib/events/catalog';
import { fetchFieldLabels, getLivestorm } from '@/lib/livestorm';
import { log } from '@/lib/log';
import { ATTRIBUTION_HEADER, decodeAttribution } from './attribution';
import { CONFIRMATION_COOKIE, isSubmissionId } from './confirmation';
import { buildFormModel, type FormField } from './form-model';
import type { EntryStatus } from './outbox';
import { getRegistrationRuntime } from './runtime';
import type { Session, WebinarEvent } from '@/lib/events/types';
import type { Attribution, FieldLabel } from './types';

export const LABELS_TAG = 'livestorm:people_attributes';
/** Workspace field names change rarely: one call a day. */
const LABELS_REVALIDATE_SECONDS = 24 * 3600;

const globalForLabels = globalThis as typeof globalThis & { __fieldLabels?: TaggedCache<FieldLabel[]> };

function labelsCache(): TaggedCache<FieldLabel[]> {
  if (!globalForLabels.__fieldLabels) {
    const config = getConfig();
    globalForLabels.__fieldLabels = createTaggedCache<FieldLabel[]>({
      key: `people-attributes-${config.mode}`,
      tags: [LABELS_TAG],
      revalidateSeconds: LABELS_REVALIDATE_SECONDS,
      retryAfterFailureSeconds: 60,
      dir: path.join(config.dataDir, 'cache'),
      load: () => fetchFieldLabels(getLivestorm()),
    });
  }
  return globalForLabels.__fieldLabels;
}

/** Workspace names for custom fields; without them, labels come from the slugs. */
async function getFieldLabels(): Promise<FieldLabel[]> {
  try {
    return await labelsCache().get();
  } catch {
    return [];
  }
}

const reportedUnknownTypes = new Set<string>();

/** Unknown field types render as text; say so once per field so someone can teach us the type. */
function reportUnknownTypes(eventId: string, fields: readonly FormField[]) {
  for (const field of fields) {
    if (field.kind !== 'unknown') continue;
    const key = `${eventId}:${field.id}:${field.rawType}`;
    if (reportedUnknownTypes.has(key)) continue;
    reportedUnknownTypes.add(key);
    log.warn('registration field of an unknown type is shown as a text input', {
      eventId,
      fieldId: field.id,
      type: field.rawType,
    });
  }
}

export type RegistrationFormData = NonNullable<Awaited<ReturnType<typeof getRegistrationForm>>>;

/** The event, its open sessions and its form, as the server knows them (never the client's copy). */
export const getRegistrationForm = cache(async (slug: string) => {
  const [page, labels] = await Promise.all([getEventPage(slug), getFieldLabels()]);
  if (!page) return null;
  const fields = buildFormModel(page.event.fields, labels, getConfig().registration.consent);
  reportUnknownTypes(page.event.id, fields);
  return { ...page, fields };
});

/** The landing visit's attribution, as the proxy worked it out for this request. */
export async function getLandingAttribution(): Promise<Attribution | null> {
  return decodeAttribution((await headers()).get(ATTRIBUTION_HEADER));
}

export type ConfirmationItem = {
  entryId: string;
  status: EntryStatus;
  /** Null when the session has left our catalog (deleted, or long past). */
  session: Session | null;
  event: WebinarEvent | null;
  /** Only for the visitor who just registered, and only when configuration allows it. */
  joinLink: string | null;
  detail: string | null;
};

/** The outcome of one submission, for its confirmation page; null when unknown or expired. */
export async function getConfirmation(submissionId: string) {
  if (!isSubmissionId(submissionId)) return null;
  const { outbox } = getRegistrationRuntime();
  const entries = outbox.bySubmission(submissionId);
  if (entries.length === 0) return null;
  const [catalog, cookieStore] = await Promise.all([getCatalog(), cookies()]);
  const ownsPage = cookieStore.get(CONFIRMATION_COOKIE)?.value === submissionId;
  const showJoinLink = getConfig().registration.showJoinLink && ownsPage;
  const items: ConfirmationItem[] = entries.map((entry) => {
    const session = catalog.sessions.find((candidate) => candidate.id === entry.sessionId) ?? null;
    const event = session ? (catalog.events.find((candidate) => candidate.id === session.eventId) ?? null) : null;
    return {
      entryId: entry.id,
      status: entry.status,
      session,
      event,
      joinLink: showJoinLink && entry.status === 'registered' ? entry.joinLink : null,
      detail: entry.detail,
    };
  });
  return { submissionId, items };
}
