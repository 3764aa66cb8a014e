import { describe, expect, it } from 'vitest';
import { toRegistrationField, toSession, toWebinarEvent } from '@/lib/livestorm/mappers';
import { eventList, sessionResource, singleDocument, wireField } from '@/lib/livestorm/schema';
import eventsFixture from './fixtures/events-with-sessions.json';
import sessionFixture from './fixtures/session.json';

describe('event mapping (reference example A)', () => {
  const document = eventList.parse(eventsFixture);
  const event = toWebinarEvent(document.data[0]!);

  it('maps attributes to the domain', () => {
    expect(event).toMatchObject({
      id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
      slug: 'product-demo-automating-onboarding',
      title: 'Product demo: automating onboarding',
      durationMinutes: 45,
      language: 'en',
      published: true,
      listed: true,
      host: { name: 'Alex Martin', avatarUrl: null },
      descriptionHtml: '<p>A 45-minute live walkthrough.</p>',
      summary: 'A 45-minute live walkthrough.',
      publishedAt: new Date(1770023700 * 1000).toISOString(),
      updatedAt: new Date(1770105600 * 1000).toISOString(),
    });
  });

  it('keeps the host e-mail out of the domain object', () => {
    expect(JSON.stringify(event)).not.toContain('alex.martin@example.com');
  });

  it('sorts fields by order and maps every type', () => {
    expect(event.fields.map((field) => [field.id, field.kind])).toEqual([
      ['email', 'email'],
      ['first_name', 'text'],
      ['last_name', 'text'],
      ['avatar', 'image_url'],
      ['company', 'text'],
      ['team_size', 'single_choice'],
      ['interests', 'multiple_choice'],
    ]);
    expect(event.fields.find((field) => field.id === 'interests')).toMatchObject({
      options: ['Billing', 'Reporting', 'API'],
      required: false,
      custom: true,
    });
  });

  it('treats show_in_company_page false as unlisted and drafts as unpublished', () => {
    const raw = structuredClone(eventsFixture);
    raw.data[0]!.attributes.show_in_company_page = false;
    raw.data[0]!.attributes.status = 'draft';
    const mapped = toWebinarEvent(eventList.parse(raw).data[0]!);
    expect(mapped.listed).toBe(false);
    expect(mapped.published).toBe(false);
  });
});

describe('session mapping', () => {
  it('turns Unix seconds into ISO strings and 0 into null', () => {
    const session = toSession(singleDocument(sessionResource).parse(sessionFixture).data);
    expect(session).toEqual({
      id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      eventId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
      name: null,
      status: 'upcoming',
      timeZone: 'Europe/Paris',
      startsAt: '2026-03-12T14:00:00.000Z',
      startedAt: null,
      endedAt: null,
      canceledAt: null,
      registrantsCount: 12,
      roomUrl: 'https://app.livestorm.co/p/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f/live?s=a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    });
  });

  it.each([
    [null, null],
    ['javascript:alert(1)', null],
    ['not a url', null],
    ['http://rooms.example.com/live', 'http://rooms.example.com/live'],
  ])('keeps only an http(s) room link (%s)', (raw, expected) => {
    const document = structuredClone(sessionFixture) as { data: { attributes: { room_link: string | null } } };
    document.data.attributes.room_link = raw;
    expect(toSession(singleDocument(sessionResource).parse(document).data).roomUrl).toBe(expected);
  });

  it.each([
    ['live', 'live'],
    ['canceled', 'canceled'],
    ['cancelled', 'canceled'],
    ['past_not_started', 'past_not_started'],
    ['something_new', 'unknown'],
  ])('maps status %s to %s', (raw, expected) => {
    const document = structuredClone(sessionFixture);
    document.data.attributes.status = raw;
    expect(toSession(singleDocument(sessionResource).parse(document).data).status).toBe(expected);
  });

  it('falls back to UTC for an unknown time zone', () => {
    const document = structuredClone(sessionFixture);
    document.data.attributes.timezone = 'Mars/Olympus_Mons';
    expect(toSession(singleDocument(sessionResource).parse(document).data).timeZone).toBe('UTC');
  });
});

describe('registration field vocabulary (§4.2, old and new)', () => {
  it.each([
    [{ id: 'email', type: 'text', order: 0, required: true }, 'email'],
    [{ id: 'custom_email', type: 'email', order: 1 }, 'email'],
    [{ id: 'website', type: 'url', order: 1 }, 'url'],
    [{ id: 'avatar', type: 'file', order: 3 }, 'image_url'],
    [{ id: 'photo', type: 'avatar', order: 3 }, 'image_url'],
    [{ id: 'optin', type: 'consent', order: 7 }, 'consent'],
    [{ id: 'country', type: 'unique_select', order: 8, options: { items: [{ value: 'France' }], multiple_answers: false } }, 'single_choice'],
    [{ id: 'topics', type: 'multiple_select', order: 9, options: [{ value: 'A' }, 'B'] }, 'multiple_choice'],
    [{ id: 'size', type: 'multiple', order: 5, options: { items: [{ value: '1-10' }], multiple_answers: false } }, 'single_choice'],
    [{ id: 'tools', type: 'multiple', order: 6, options: { items: [{ value: 'X' }], multiple_answers: true } }, 'multiple_choice'],
    [{ id: 'phone', type: 'phone_number', order: 10 }, 'unknown'],
  ])('%j renders as %s', (raw, kind) => {
    expect(toRegistrationField(wireField.parse(raw), 0).kind).toBe(kind);
  });

  it('reads options from both shapes, trimmed and de-duplicated', () => {
    const field = toRegistrationField(wireField.parse({ id: 'topics', type: 'multiple_select', options: [{ value: ' A ' }, 'B', 'A'] }), 4);
    expect(field).toMatchObject({ kind: 'multiple_choice', options: ['A', 'B'], order: 4, required: false });
  });
});
