// Domain objects for unit tests: valid defaults, overridden per case.
import type { Session, WebinarEvent } from '@/lib/livestorm/types';

export function event(id: string, overrides: Partial<WebinarEvent> = {}): WebinarEvent {
  return {
    id, slug: id, title: `Event ${id}`, descriptionHtml: '', summary: 'A short summary', durationMinutes: 60,
    language: 'en', host: { name: 'Alex Martin', avatarUrl: null }, published: true, listed: true,
    registrationUrl: null, fields: [], publishedAt: '2026-01-20T08:00:00.000Z', updatedAt: '2026-02-01T09:15:00.000Z', ...overrides,
  };
}

export function session(id: string, eventId: string, overrides: Partial<Session> = {}): Session {
  return {
    id, eventId, name: null, status: 'upcoming', timeZone: 'Europe/Paris', startsAt: '2026-03-10T14:00:00.000Z',
    startedAt: null, endedAt: null, canceledAt: null, registrantsCount: 42, roomUrl: null, ...overrides,
  };
}
