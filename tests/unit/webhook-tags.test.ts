import { describe, expect, it } from 'vitest';
import { SUBSCRIBED_WEBHOOK_EVENTS, tagsForWebhook } from '@/lib/webhooks/tags';
import { TAGS } from '@/lib/events/tags';
import { WEBHOOK_EVENTS } from '@/lib/livestorm/webhooks';

describe('webhook tags', () => {
  it.each([
    ['session.created', [TAGS.sessions]],
    ['session.started', [TAGS.sessions]],
    ['session.ended', [TAGS.sessions]],
    ['event.created', [TAGS.events]],
    ['event.published', [TAGS.events]],
    // Nothing the site shows: no refresh.
    ['people.registered', []],
    ['people.attended', []],
    ['people.not_attended', []],
    ['people.watched_replay', []],
    ['job.ended', []],
    // Unknown names (and prototype keys) are ignored.
    ['session.updated', []],
    ['constructor', []],
    ['__proto__', []],
  ])('%s -> %j', (event, tags) => {
    expect(tagsForWebhook(event)).toEqual(tags);
  });

  it('subscribes to exactly the events that touch something shown', () => {
    expect([...SUBSCRIBED_WEBHOOK_EVENTS].sort()).toEqual(
      ['event.created', 'event.published', 'session.created', 'session.ended', 'session.started'],
    );
    expect(WEBHOOK_EVENTS.filter((event) => tagsForWebhook(event).length > 0).sort()).toEqual([...SUBSCRIBED_WEBHOOK_EVENTS].sort());
  });
});
