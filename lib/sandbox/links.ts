// Link formats of docs/livestorm-api.md §9.
const APP = 'https://app.livestorm.co';

export function registrationLink(eventId: string): string {
  return `${APP}/p/${eventId}`;
}

export function roomLink(eventId: string, sessionId: string): string {
  return `${APP}/p/${eventId}/live?s=${sessionId}`;
}

export function connectionLink(eventId: string, sessionId: string, email: string, passwordKey: string): string {
  return `${APP}/p/${eventId}/live?email=${encodeURIComponent(email)}&key=${passwordKey}&s=${sessionId}`;
}
