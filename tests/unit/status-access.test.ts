import { describe, expect, it } from 'vitest';
import { isStatusPath, presentedSecret, statusAccess } from '@/lib/status/access';

const SECRET = 'status-secret-0123456789abcdef';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('statusAccess', () => {
  it.each<[string, string | null, string | null, 'disabled' | 'denied' | 'granted']>([
    ['no secret configured', basic('ops', SECRET), null, 'disabled'],
    ['no credentials', null, SECRET, 'denied'],
    ['Basic with the secret, any user', basic('anyone', SECRET), SECRET, 'granted'],
    ['Basic with an empty user', basic('', SECRET), SECRET, 'granted'],
    ['Basic with a wrong password', basic('ops', 'wrong-secret-0123456789abcdef'), SECRET, 'denied'],
    ['Basic with the secret as the user name', basic(SECRET, ''), SECRET, 'denied'],
    ['Basic, not base64 of user:password', `Basic ${Buffer.from(SECRET).toString('base64')}`, SECRET, 'denied'],
    ['Bearer with the secret', `Bearer ${SECRET}`, SECRET, 'granted'],
    ['bearer, any case', `bEaReR ${SECRET}`, SECRET, 'granted'],
    ['Bearer with a prefix of the secret', `Bearer ${SECRET.slice(0, -1)}`, SECRET, 'denied'],
    ['Bearer with more than the secret', `Bearer ${SECRET}x`, SECRET, 'denied'],
    ['the raw secret without a scheme', SECRET, SECRET, 'denied'],
    ['another scheme', `Digest ${SECRET}`, SECRET, 'denied'],
  ])('%s → %s', (_, authorization, secret, expected) => {
    expect(statusAccess(authorization, secret)).toBe(expected);
  });

  it('takes the password after the first colon (passwords may contain colons)', () => {
    expect(presentedSecret(basic('ops', 'a:b:c'))).toBe('a:b:c');
  });
});

describe('isStatusPath', () => {
  it.each([
    ['/status', false],
    ['/status/', false],
    ['/status.json', true],
    ['/status.json/', true],
    ['/statuses', false],
    ['/status/other', false],
    ['/', false],
  ])('%s → %s', (pathname, expected) => {
    expect(isStatusPath(pathname)).toBe(expected);
  });
});
