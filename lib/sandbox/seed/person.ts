import { connectionLink } from '../links';
import type { EventField, EventRecord, PersonRecord, RegistrantField, SessionRecord } from '../schema';

// The people (registrant) record factory, shared by the seed and the registration endpoint.

/** The registrant's `fields`: one per form field, in form order, with its answer. */
export function echoFields(fields: EventField[], answer: (field: EventField) => RegistrantField['value']): RegistrantField[] {
  return [...fields]
    .sort((a, b) => a.order - b.order)
    .map((field) => {
      const out: RegistrantField = { id: field.id, type: field.type, value: answer(field), required: field.required };
      if (field.custom) out.custom = true;
      return out;
    });
}

export interface Tracking {
  referrer: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_term: string | null;
  utm_content: string | null;
  utm_campaign: string | null;
}

export const NO_TRACKING: Tracking = {
  referrer: null,
  utm_source: null,
  utm_medium: null,
  utm_term: null,
  utm_content: null,
  utm_campaign: null,
};

export interface NewRegistrant {
  personId: string;
  event: EventRecord;
  session: SessionRecord;
  email: string;
  firstName: string | null;
  lastName: string | null;
  avatarLink: string | null;
  fields: RegistrantField[];
  passwordKey: string;
  createdAt: number;
  tracking: Tracking;
}

/** Builds a people resource exactly as docs/livestorm-api.md §13 D. */
export function buildPerson(r: NewRegistrant): PersonRecord {
  return {
    id: r.personId,
    attributes: {
      role: 'participant',
      created_at: r.createdAt,
      updated_at: r.createdAt,
      timezone: null,
      first_name: r.firstName,
      last_name: r.lastName,
      email: r.email,
      avatar_link: r.avatarLink,
      registrant_detail: {
        event_id: r.event.id,
        session_id: r.session.id,
        created_at: r.createdAt,
        updated_at: r.createdAt,
        fields: r.fields,
        referrer: r.tracking.referrer,
        utm_source: r.tracking.utm_source,
        utm_medium: r.tracking.utm_medium,
        utm_term: r.tracking.utm_term,
        utm_content: r.tracking.utm_content,
        utm_campaign: r.tracking.utm_campaign,
        browser_version: null,
        browser_name: null,
        os_name: null,
        os_version: null,
        screen_height: null,
        screen_width: null,
        ip_city: null,
        ip_country_code: null,
        ip_country_name: null,
        password_key: r.passwordKey,
        connection_link: connectionLink(r.event.id, r.session.id, r.email, r.passwordKey),
        attended: false,
        attendance_rate: null,
        attendance_duration: 0,
        has_viewed_replay: false,
        registration_type: 'API',
        is_highlighted: false,
        is_guest_speaker: false,
        session_role: null,
      },
      messages_count: 0,
      questions_count: 0,
      votes_count: 0,
      up_votes_count: 0,
      replay_view_detail: null,
    },
  };
}
