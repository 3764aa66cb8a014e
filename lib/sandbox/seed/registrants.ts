import { seedHex, seedSessionId, seedUuid } from '../ids';
import type { EventField, EventRecord, PersonRecord, RegistrantField, SessionRecord } from '../schema';
import { NO_TRACKING, buildPerson, echoFields, type Tracking } from './person';
import { WORKSPACE } from './workspace';

// Seeded registrants: names, answers and tracking drawn in turn from the workspace's pools, so they
// are identical across reseeds; past sessions get attendance, chat and replay figures.

const { names, companies, emailDomain, tracking, alreadyRegistered } = WORKSPACE.registrants;
const ALREADY_REGISTERED_SESSION = seedSessionId(alreadyRegistered.session);

/** Tracking of every other seeded registrant. */
const SEED_TRACKING: Tracking = {
  referrer: tracking.referrer ?? null,
  utm_source: tracking.utm_source ?? null,
  utm_medium: tracking.utm_medium ?? null,
  utm_term: tracking.utm_term ?? null,
  utm_content: tracking.utm_content ?? null,
  utm_campaign: tracking.utm_campaign ?? null,
};

const ascii = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function seedAnswer(field: EventField, k: number, person: { email: string; first: string; last: string }): RegistrantField['value'] {
  if (field.id === 'email') return person.email;
  if (field.id === 'first_name') return person.first;
  if (field.id === 'last_name') return person.last;
  if (field.id === 'company') return companies[k % companies.length] ?? null;
  const choices = field.options?.items ?? [];
  const pick = choices[k % Math.max(choices.length, 1)]?.value;
  if (!pick) return null;
  if (field.type === 'multiple' || field.type === 'unique_select' || field.type === 'multiple_select') {
    return field.options?.multiple_answers ? [pick] : pick;
  }
  return null;
}

/** `count` registrants of a session; `sessionIndex` (across the workspace) varies the names. */
export function seedRegistrants(event: EventRecord, session: SessionRecord, count: number, sessionIndex: number, nowS: number): PersonRecord[] {
  const s = session.attributes;
  const people: PersonRecord[] = [];
  for (let k = 0; k < count; k += 1) {
    const special = session.id === ALREADY_REGISTERED_SESSION && k === 0;
    const [first, last] = special ? [alreadyRegistered.firstName, alreadyRegistered.lastName] : names[(sessionIndex * 5 + k) % names.length]!;
    // Names cycle through the list: a session with more registrants than names numbers the repeats.
    const round = Math.floor(k / names.length);
    const mail = special ? alreadyRegistered.email : `${ascii(first)}.${ascii(last)}${round > 0 ? `.${round}` : ''}@${emailDomain}`;
    const isPast = s.status === 'past';
    const createdAt = isPast ? s.estimated_started_at - (k + 1) * 5 * 3_600 : nowS - (k + 1) * 3 * 3_600;
    const person = buildPerson({
      personId: seedUuid(`person/${session.id}/${k}`),
      event,
      session,
      email: mail,
      firstName: first,
      lastName: last,
      avatarLink: null,
      fields: echoFields(event.attributes.fields, (f) => seedAnswer(f, k, { email: mail, first, last })),
      passwordKey: seedHex(`password/${session.id}/${k}`, 22),
      createdAt,
      tracking: k % 2 === 0 ? SEED_TRACKING : NO_TRACKING,
    });
    // Seed registrations came through the registration page, not the API.
    person.attributes.registrant_detail.registration_type = 'registration_page';
    if (isPast) {
      const detail = person.attributes.registrant_detail;
      detail.attended = k % 4 !== 3;
      if (detail.attended) {
        const rate = 55 + ((k * 13) % 45);
        detail.attendance_rate = rate;
        detail.attendance_duration = Math.round(((s.duration ?? 0) * rate) / 100);
        person.attributes.messages_count = k % 3;
        person.attributes.questions_count = k % 2;
      } else {
        const watchedAt = Math.min(s.ended_at + 86_400, nowS - 3_600);
        detail.has_viewed_replay = true;
        person.attributes.replay_view_detail = { watched_at: watchedAt };
      }
      detail.updated_at = Math.max(detail.updated_at, s.ended_at);
      person.attributes.updated_at = detail.updated_at;
    }
    people.push(person);
  }
  return people;
}
