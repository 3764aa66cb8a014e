/** Where a visitor lands after registering; the cookie proves the page is theirs (join links). */
export const CONFIRMATION_COOKIE = 'registration';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function confirmationPath(submissionId: string): string {
  return `/registrations/${submissionId}`;
}

export function isSubmissionId(value: string): boolean {
  return UUID.test(value);
}
