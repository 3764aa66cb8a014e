import 'server-only';
import path from 'node:path';
import { cache } from 'react';
import { createTaggedCache, type TaggedCache } from '@/lib/cache/tagged-cache';
import { getConfig } from '@/lib/config';
import { getEventPage } from '@/lib/events/server/catalog';
import { fetchFieldLabels, getLivestorm, type FieldLabel } from '@/lib/livestorm';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/process-singleton';
import { buildFormModel, type FormField } from '../form-model';
import { loadOrCreateSecret } from './form-secret';
import { issueFormToken } from './form-token';

/**
 * The registration form as the server knows it: the event's fields with the workspace's labels,
 * and its open sessions. The page renders it and the action validates against it (never against
 * the client's copy).
 */

export const LABELS_TAG = 'livestorm:people_attributes';
/** Workspace field names change rarely: one call a day. */
const LABELS_REVALIDATE_SECONDS = 24 * 3600;

function labelsCache(): TaggedCache<FieldLabel[]> {
  return processSingleton('registration:field-labels', () => {
    const config = getConfig();
    return createTaggedCache<FieldLabel[]>({
      key: `people-attributes-${config.mode}`,
      tags: [LABELS_TAG],
      revalidateSeconds: LABELS_REVALIDATE_SECONDS,
      retryAfterFailureSeconds: 60,
      dir: path.join(config.dataDir, 'cache'),
      load: () => fetchFieldLabels(getLivestorm()),
    });
  });
}

/** Workspace names for custom fields; without them, labels come from the slugs. */
async function getFieldLabels(): Promise<FieldLabel[]> {
  try {
    return await labelsCache().get();
  } catch {
    return [];
  }
}

/** Unknown field types render as text; say so once per field so someone can teach us the type. */
function reportUnknownTypes(eventId: string, fields: readonly FormField[]) {
  const reported = processSingleton('registration:reported-unknown-types', () => new Set<string>());
  for (const field of fields) {
    if (field.kind !== 'unknown') continue;
    const key = `${eventId}:${field.id}:${field.rawType}`;
    if (reported.has(key)) continue;
    reported.add(key);
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

/** The secret that signs form tokens, read once per process rather than on every render. */
export function registrationFormSecret(): string {
  return processSingleton('registration:form-secret', () => {
    const { registration, dataDir } = getConfig();
    return loadOrCreateSecret(registration.secret, dataDir);
  });
}

/** A token for a form shown now: it carries the time, so the action can refuse a bot's instant reply. */
export function newFormToken(now: number): string {
  return issueFormToken(registrationFormSecret(), now);
}
