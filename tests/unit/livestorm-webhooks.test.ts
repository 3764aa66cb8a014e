import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  describeSignatureFailure,
  parseWebhook,
  signWebhook,
  verifyWebhookSignature,
  type SignatureFailure,
} from '@/lib/livestorm/webhooks';
import peopleRegistered from './fixtures/webhook-people-registered.json';

// Signature (§8.5) and envelope (§8.3, example F) of Livestorm webhooks.

const SECRET = 'whsec-test';
const NOW = Date.UTC(2026, 1, 20, 12, 0, 0);
const NOW_S = NOW / 1000;

/** Example F of the reference, personal fields included, as Livestorm sends it. */
const PEOPLE_REGISTERED = peopleRegistered;

const SESSION_STARTED = {
  data: {
    id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    type: 'sessions',
    attributes: { event_id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f', status: 'live', started_at: NOW_S },
    meta: { webhook: { event: 'session.started', organization_id: '31aebaba-f790-42bb-af8c-e338ddcc4e14' } },
  },
};

describe('webhook signature', () => {
  it('is the SHA-256 hex of timestamp + secret + body, timestamp first (computed independently)', () => {
    const body = JSON.stringify(SESSION_STARTED);
    const expected = createHash('sha256').update(`${NOW_S}${SECRET}${body}`).digest('hex');
    expect(signWebhook(body, SECRET, NOW_S)).toBe(`${NOW_S},${expected}`);
  });

  it('accepts a signature of the raw body, and of the re-serialised JSON when the raw text differs', () => {
    const compact = JSON.stringify(SESSION_STARTED);
    const pretty = JSON.stringify(SESSION_STARTED, null, 2);
    expect(verifyWebhookSignature(pretty, signWebhook(pretty, SECRET, NOW_S), SECRET, NOW)).toEqual({ ok: true, timestampSeconds: NOW_S });
    expect(verifyWebhookSignature(pretty, signWebhook(compact, SECRET, NOW_S), SECRET, NOW)).toEqual({ ok: true, timestampSeconds: NOW_S });
  });

  it('tolerates spaces and upper-case hex in the header', () => {
    const body = JSON.stringify(SESSION_STARTED);
    const [ts, hex] = signWebhook(body, SECRET, NOW_S).split(',');
    expect(verifyWebhookSignature(body, ` ${ts} , ${hex!.toUpperCase()} `, SECRET, NOW).ok).toBe(true);
  });

  const body = JSON.stringify(SESSION_STARTED);
  const valid = signWebhook(body, SECRET, NOW_S);
  it.each<[string, string | null, number, SignatureFailure]>([
    ['no header', null, NOW, 'missing'],
    ['an empty header', '  ', NOW, 'missing'],
    ['the signature first', `${valid.split(',')[1]},${NOW_S}`, NOW, 'malformed'],
    ['a short digest', `${NOW_S},abc123`, NOW, 'malformed'],
    ['a millisecond timestamp', `${NOW},${valid.split(',')[1]}`, NOW, 'malformed'],
    ['another secret', signWebhook(body, 'other-secret', NOW_S), NOW, 'mismatch'],
    ['another body', signWebhook(`${body} `, SECRET, NOW_S).replace(/^\d+/, String(NOW_S)), NOW, 'mismatch'],
    ['a timestamp changed after signing', `${NOW_S - 1},${valid.split(',')[1]}`, NOW, 'mismatch'],
    ['a signature 301 s old', signWebhook(body, SECRET, NOW_S - 301), NOW, 'stale'],
    ['a signature 301 s ahead', signWebhook(body, SECRET, NOW_S + 301), NOW, 'future'],
  ])('refuses %s', (_label, header, now, reason) => {
    expect(verifyWebhookSignature(body, header, SECRET, now)).toEqual({ ok: false, reason });
    expect(describeSignatureFailure(reason)).not.toMatch(SECRET);
  });

  it('accepts signatures up to the maximum age either way', () => {
    expect(verifyWebhookSignature(body, signWebhook(body, SECRET, NOW_S - 300), SECRET, NOW).ok).toBe(true);
    expect(verifyWebhookSignature(body, signWebhook(body, SECRET, NOW_S + 300), SECRET, NOW).ok).toBe(true);
    expect(verifyWebhookSignature(body, signWebhook(body, SECRET, NOW_S - 30), SECRET, NOW, 10)).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses to check against an empty secret', () => {
    expect(() => verifyWebhookSignature(body, valid, '', NOW)).toThrow('secret');
  });
});

describe('parseWebhook', () => {
  it('reads a session delivery', () => {
    expect(parseWebhook(JSON.stringify(SESSION_STARTED))).toEqual({
      ok: true,
      webhook: {
        event: 'session.started',
        resourceType: 'sessions',
        resourceId: SESSION_STARTED.data.id,
        eventId: SESSION_STARTED.data.attributes.event_id,
        sessionId: SESSION_STARTED.data.id,
      },
    });
  });

  it('keeps nothing personal of a people delivery', () => {
    const result = parseWebhook(JSON.stringify(PEOPLE_REGISTERED));
    expect(result).toEqual({
      ok: true,
      webhook: {
        event: 'people.registered',
        resourceType: 'people',
        resourceId: PEOPLE_REGISTERED.data.id,
        eventId: PEOPLE_REGISTERED.data.attributes.registrant_detail.event_id,
        sessionId: PEOPLE_REGISTERED.data.attributes.registrant_detail.session_id,
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/jane|doe|connection|b794f5a32ad48829366806|newsletter/i);
  });

  it('reads events, jobs and names it does not know yet', () => {
    const event = { data: { id: 'e1', type: 'events', attributes: { title: 'T' }, meta: { webhook: { event: 'event.published' } } } };
    expect(parseWebhook(JSON.stringify(event))).toMatchObject({ ok: true, webhook: { eventId: 'e1', sessionId: null } });
    const future = { data: { id: 'x1', type: 'polls', attributes: {}, meta: { webhook: { event: 'poll.closed' } } } };
    expect(parseWebhook(JSON.stringify(future))).toMatchObject({ ok: true, webhook: { event: 'poll.closed', eventId: null } });
  });

  it.each([
    ['not JSON', 'event=session.started', 'not JSON'],
    ['no meta.webhook', JSON.stringify({ data: { id: 'a', type: 'sessions', attributes: {} } }), 'data.meta'],
    ['a REST document', JSON.stringify({ data: [] }), 'data'],
  ])('refuses %s, naming what is missing', (_label, raw, reason) => {
    const result = parseWebhook(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('never echoes values of an unreadable body', () => {
    const raw = JSON.stringify({ data: { id: 'a', type: 'people', attributes: { email: 'jane.doe@example.com' }, meta: { webhook: { event: 42 } } } });
    const result = parseWebhook(raw);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('jane');
  });
});
