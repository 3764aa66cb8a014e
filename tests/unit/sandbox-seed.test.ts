import { describe, expect, it } from 'vitest';
import {
  ORGANIZATION,
  SEED_EVENTS,
  SEED_REGISTERED_EMAIL,
  SEED_SESSIONS,
  createSeedState,
  type SandboxState,
} from '@/lib/sandbox';

// Invariants of the seeded workspace, checked at several clock values so that "now-relative"
// generation holds all year round (DST periods, late evening UTC, year end...).

const T0 = Date.UTC(2026, 2, 2, 10, 15, 0); // 6 days before the US spring-forward
const CLOCKS = [
  T0,
  Date.UTC(2026, 6, 15, 23, 50, 0),
  Date.UTC(2026, 9, 20, 3, 5, 0),
  Date.UTC(2026, 10, 23, 15, 53, 0),
  Date.UTC(2026, 11, 31, 22, 59, 59),
  Date.UTC(2027, 3, 1, 12, 0, 0),
];

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ALL_ZONES = [
  'Europe/Paris',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'America/St_Johns',
  'Australia/Adelaide',
  'Asia/Tokyo',
  'Europe/Berlin',
  'UTC',
];

function offsetMinutes(unixS: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(unixS * 1000))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function localMinute(unixS: number, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, minute: '2-digit' }).format(new Date(unixS * 1000)));
}

function eventOf(state: SandboxState, key: keyof typeof SEED_EVENTS) {
  const event = state.events.find((e) => e.id === SEED_EVENTS[key].id);
  if (!event) throw new Error(`missing event ${key}`);
  return { event, sessions: state.sessions.filter((s) => s.attributes.event_id === event.id) };
}

function session(state: SandboxState, id: string) {
  const found = state.sessions.find((s) => s.id === id);
  if (!found) throw new Error(`missing session ${id}`);
  return found.attributes;
}

/** every `*_at` value anywhere in the state */
function timestamps(value: unknown, key = '', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (Array.isArray(value)) value.forEach((v) => timestamps(v, key, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('_at') || k === 'estimated_started_at') out.push([k, v]);
      else timestamps(v, k, out);
    }
  }
  return out;
}

describe('seed determinism', () => {
  it('is a pure function of the clock, with the same ids at any clock', () => {
    expect(createSeedState(T0)).toEqual(createSeedState(T0));
    const ids = (s: SandboxState) => [...s.events.map((e) => e.id), ...s.sessions.map((x) => x.id), ...s.people.map((p) => p.id)];
    expect(ids(createSeedState(T0 + 17 * 86_400_000))).toEqual(ids(createSeedState(T0)));
  });

  it('uses lowercase v4 UUIDs and kebab-case slugs', () => {
    const state = createSeedState(T0);
    const allIds = [
      state.organization.id,
      ...state.events.flatMap((e) => [e.id, e.attributes.owner.id]),
      ...state.sessions.map((s) => s.id),
      ...state.people.map((p) => p.id),
      ...state.peopleAttributes.map((a) => a.id),
    ];
    for (const id of allIds) expect(id).toMatch(UUID_V4);
    expect(new Set(state.sessions.map((s) => s.id)).size).toBe(state.sessions.length);
    for (const e of state.events) {
      expect(e.attributes.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SEED_EVENTS).toSatisfy((all: typeof SEED_EVENTS) => Object.values(all).some((i) => i.slug === e.attributes.slug && i.id === e.id));
    }
    expect(SEED_EVENTS.security.slug).toBe('security-compliance-deep-dive-soc-2-gdpr-and-sso');
    expect(SEED_EVENTS.german.slug).toBe('live-demo-dashboards-fur-ihr-vertriebsteam');
    expect(state.organization).toEqual(ORGANIZATION);
    expect(ORGANIZATION).toMatchObject({ name: 'Acme Analytics', slug: 'acme-analytics' });
  });
});

describe.each(CLOCKS.map((now) => ({ now, label: new Date(now).toISOString() })))('seed at $label', ({ now }) => {
  const state = createSeedState(now);
  const nowS = Math.floor(now / 1000);
  const listedPublished = new Set(
    state.events.filter((e) => e.attributes.status === 'published' && e.attributes.show_in_company_page).map((e) => e.id),
  );

  it('has only integer, non-negative timestamps that never lie in the future unless scheduled', () => {
    const all = timestamps(state);
    expect(all.length).toBeGreaterThan(300);
    for (const [key, value] of all) {
      expect(Number.isInteger(value), key).toBe(true);
      expect(value as number, key).toBeGreaterThanOrEqual(0);
      if (key !== 'estimated_started_at') expect(value as number, key).toBeLessThanOrEqual(nowS);
    }
  });

  it('has 25-35 upcoming or live sessions on listed published events, spread ~2 h to ~6 weeks ahead', () => {
    const visible = state.sessions.filter(
      (s) => listedPublished.has(s.attributes.event_id) && (s.attributes.status === 'upcoming' || s.attributes.status === 'live'),
    );
    expect(visible.length).toBeGreaterThanOrEqual(25);
    expect(visible.length).toBeLessThanOrEqual(35);
    const future = visible.filter((s) => s.attributes.estimated_started_at > nowS).map((s) => s.attributes.estimated_started_at - nowS);
    expect(Math.min(...future)).toBeGreaterThanOrEqual(2 * 3600);
    expect(Math.min(...future)).toBeLessThanOrEqual(2.5 * 3600);
    expect(Math.max(...future)).toBeLessThanOrEqual(43 * 86_400);
    expect(Math.max(...future)).toBeGreaterThanOrEqual(35 * 86_400);
  });

  it('schedules upcoming sessions at :00 or :30 local time in their zone', () => {
    for (const s of state.sessions) {
      if (s.attributes.status !== 'upcoming' || s.id === SEED_SESSIONS.lateHost) continue;
      expect([0, 30], `${s.id} ${s.attributes.timezone}`).toContain(localMinute(s.attributes.estimated_started_at, s.attributes.timezone));
    }
  });

  it('uses every required time zone', () => {
    expect(new Set(state.sessions.map((s) => s.attributes.timezone))).toEqual(new Set(ALL_ZONES));
  });

  it('contains the edge cases', () => {
    const draft = eventOf(state, 'draft');
    expect(draft.event.attributes).toMatchObject({ status: 'draft', published_at: 0 });
    expect(draft.sessions.map((s) => s.attributes.status)).toEqual(['draft']);
    expect(session(state, SEED_SESSIONS.draft).estimated_started_at).toBeGreaterThan(nowS);

    const unlisted = eventOf(state, 'unlisted');
    expect(unlisted.event.attributes).toMatchObject({ status: 'published', show_in_company_page: false });
    expect(unlisted.sessions.filter((s) => s.attributes.status === 'upcoming' && s.attributes.estimated_started_at > nowS).length).toBeGreaterThanOrEqual(1);

    const pastOnly = eventOf(state, 'pastOnly');
    expect(pastOnly.sessions.length).toBeGreaterThan(0);
    for (const s of pastOnly.sessions) {
      const a = s.attributes;
      expect(a.status).toBe('past');
      expect(a.started_at).toBeGreaterThan(0);
      expect(a.ended_at).toBeGreaterThan(a.started_at);
      expect(a.ended_at).toBeLessThan(nowS);
      expect(a.duration).toBe(a.ended_at - a.started_at);
    }

    const canceled = session(state, SEED_SESSIONS.canceled);
    expect(canceled).toMatchObject({ status: 'canceled', started_at: 0, ended_at: 0 });
    expect(canceled.canceled_at).toBeGreaterThan(0);
    const siblings = state.sessions.filter((s) => s.attributes.event_id === canceled.event_id && s.attributes.status === 'upcoming');
    expect(siblings.length).toBeGreaterThanOrEqual(2);

    const live = session(state, SEED_SESSIONS.live);
    expect(live).toMatchObject({ status: 'live', ended_at: 0, canceled_at: 0 });
    expect(live.started_at).toBe(nowS - 600);
    expect(live.estimated_started_at).toBeLessThanOrEqual(live.started_at);

    const late = session(state, SEED_SESSIONS.lateHost);
    expect(late).toMatchObject({ status: 'upcoming', started_at: 0 });
    expect(late.estimated_started_at).toBeLessThan(nowS - 5 * 60);
    expect(late.estimated_started_at).toBeGreaterThan(nowS - 30 * 60);
    expect(listedPublished.has(late.event_id)).toBe(true);

    const soon = session(state, SEED_SESSIONS.soon);
    expect(soon.estimated_started_at - nowS).toBeGreaterThanOrEqual(7200);

    const severalUpcoming = state.events.filter((e) => {
      const n = state.sessions.filter((s) => s.attributes.event_id === e.id && s.attributes.status === 'upcoming').length;
      return n >= 2 && n <= 4;
    });
    expect(severalUpcoming.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps registrant counts consistent with the stored people', () => {
    for (const s of state.sessions) {
      const people = state.people.filter((p) => p.attributes.registrant_detail.session_id === s.id);
      expect(s.attributes.registrants_count, s.id).toBe(people.length);
      expect(s.attributes.attendees_count, s.id).toBe(people.filter((p) => p.attributes.registrant_detail.attended).length);
      for (const p of people) {
        const d = p.attributes.registrant_detail;
        expect(d.event_id).toBe(s.attributes.event_id);
        expect(d.password_key).toMatch(/^[0-9a-f]{22}$/);
        expect(d.connection_link).toBe(
          `https://app.livestorm.co/p/${d.event_id}/live?email=${encodeURIComponent(p.attributes.email)}&key=${d.password_key}&s=${s.id}`,
        );
        if (s.attributes.status !== 'past') expect(d.attended).toBe(false);
      }
    }
    expect(state.people.filter((p) => p.attributes.registrant_detail.session_id === SEED_SESSIONS.past).length).toBeGreaterThan(0);
    expect(
      state.people.some((p) => p.attributes.email === SEED_REGISTERED_EMAIL && p.attributes.registrant_detail.session_id === SEED_SESSIONS.registered),
    ).toBe(true);
  });
});

describe('seed content', () => {
  const state = createSeedState(T0);
  const nowS = Math.floor(T0 / 1000);

  it('defines registration fields per §4.2 with every field type across the workspace', () => {
    const kinds = new Set<string>();
    for (const e of state.events) {
      const fields = e.attributes.fields;
      expect(fields.map((f) => f.order)).toEqual(fields.map((_, i) => i));
      expect(fields[0]).toEqual({ id: 'email', type: 'text', order: 0, required: true });
      for (const f of fields) {
        if (['email', 'first_name', 'last_name', 'avatar'].includes(f.id)) expect(f).not.toHaveProperty('custom');
        else expect(f.custom).toBe(true);
        const choice = f.type === 'multiple' || f.type === 'unique_select' || f.type === 'multiple_select';
        expect(f.options !== undefined, f.id).toBe(choice);
        if (f.options) {
          expect(f.options.items.length).toBeGreaterThan(1);
          expect(f.options.multiple_answers).toBe(f.type === 'multiple_select' || (f.type === 'multiple' && f.options.multiple_answers));
        }
        kinds.add(f.type === 'multiple' ? `multiple/${f.options?.multiple_answers ? 'many' : 'one'}` : f.type);
      }
    }
    expect([...kinds].sort()).toEqual(
      ['consent', 'email', 'file', 'multiple/many', 'multiple/one', 'multiple_select', 'phone_number', 'text', 'unique_select', 'url'].sort(),
    );
    expect(state.events.flatMap((e) => e.attributes.fields).find((f) => f.id === 'avatar')).toMatchObject({ type: 'file', order: 3, required: false });
    expect(state.events.flatMap((e) => e.attributes.fields).find((f) => f.type === 'consent')?.required).toBe(false);
    const customRequired = new Set(state.events.flatMap((e) => e.attributes.fields.filter((f) => f.custom).map((f) => f.required)));
    expect(customRequired).toEqual(new Set([true, false]));
  });

  it('lists a people attribute for every built-in and custom field slug', () => {
    const slugs = state.peopleAttributes.map((a) => a.attributes.slug);
    const fieldIds = new Set(state.events.flatMap((e) => e.attributes.fields.map((f) => f.id)));
    for (const id of fieldIds) expect(slugs).toContain(id);
    expect(state.peopleAttributes.find((a) => a.attributes.slug === 'company')?.attributes.name).toBe('Company');
  });

  it('has realistic event metadata and rich descriptions', () => {
    expect(state.events.length).toBeGreaterThanOrEqual(12);
    expect(new Set(state.events.map((e) => e.attributes.language))).toEqual(new Set(['en', 'fr', 'de', 'es']));
    for (const e of state.events) {
      expect([30, 45, 60, 90]).toContain(e.attributes.estimated_duration);
      expect(e.attributes.registration_link).toBe(`https://app.livestorm.co/p/${e.id}`);
      expect(e.attributes.owner).toMatchObject({ type: 'people', attributes: { role: 'team_member', avatar_link: null } });
      expect(e.attributes.owner.attributes.first_name).toBeTruthy();
      expect(e.attributes.owner.attributes.timezone).toBeTruthy();
    }
    const html = state.events.map((e) => e.attributes.description ?? '').join('\n');
    for (const tag of ['<p>', '<ul>', '<ol>', '<li>', '<strong>', '<a href="https://', '<h2>', '<h3>', '<blockquote>']) expect(html).toContain(tag);
  });

  it('has exactly one malicious description, on a published listed event with upcoming sessions', () => {
    const payloads = [
      '<script>window.__xss=1</script>',
      '<img src=x onerror="window.__xss=1">',
      '<a href="javascript:window.__xss=1">click</a>',
      '<iframe src="https://example.com">',
    ];
    const infected = state.events.filter((e) => payloads.some((p) => (e.attributes.description ?? '').includes(p)));
    expect(infected.map((e) => e.id)).toEqual([SEED_EVENTS.security.id]);
    const xss = infected[0];
    if (!xss) throw new Error('no xss event');
    for (const p of payloads) expect(xss.attributes.description).toContain(p);
    expect(xss.attributes.description).toMatch(/<strong>.*<\/strong>/);
    expect(xss.attributes).toMatchObject({ status: 'published', show_in_company_page: true });
    expect(session(state, SEED_SESSIONS.xss)).toMatchObject({ event_id: xss.id, status: 'upcoming' });
  });

  it('places the DST session right after a DST change (6 days ahead for this clock)', () => {
    const dst = session(state, SEED_SESSIONS.dst);
    expect(dst.timezone).toBe('America/New_York');
    expect(offsetMinutes(nowS, 'America/New_York')).toBe(-300);
    expect(offsetMinutes(dst.estimated_started_at, 'America/New_York')).toBe(-240);
    expect(new Date(dst.estimated_started_at * 1000).toISOString()).toBe('2026-03-10T14:00:00.000Z'); // 10:00 EDT
  });

  it('falls back to a plain slot when no DST change is near', () => {
    const winter = Date.UTC(2026, 10, 23, 15, 0, 0);
    const s = createSeedState(winter).sessions.find((x) => x.id === SEED_SESSIONS.dst);
    expect(s?.attributes.status).toBe('upcoming');
    expect(s?.attributes.estimated_started_at).toBeGreaterThan(winter / 1000 + 18 * 86_400);
  });
});
