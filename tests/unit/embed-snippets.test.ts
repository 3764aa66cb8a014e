import { describe, expect, it } from 'vitest';
import { parseEmbedOptions } from '@/lib/embed/options';
import {
  embedPagePath,
  embedTitle,
  iframeSnippet,
  parseEmbedWidget,
  scriptSnippet,
  SITE_ACCENT,
  type EmbedWidget,
} from '@/lib/embed/snippets';

const SITE = 'https://webinars.example.com';
const EVENTS = [{ slug: 'launch-week' }, { slug: 'growth-101' }];

const widget = (overrides: Partial<Omit<EmbedWidget, 'options'>> & { options?: Partial<EmbedWidget['options']> } = {}): EmbedWidget => ({
  kind: 'list',
  event: null,
  q: '',
  lang: null,
  ...overrides,
  options: { theme: 'light', accent: null, locale: null, ...overrides.options },
});

describe('parseEmbedWidget', () => {
  it('defaults to the whole list, the first event kept for later', () => {
    expect(parseEmbedWidget({}, EVENTS)).toEqual({ widget: widget({ event: 'launch-week' }), problems: [] });
  });

  it('reads every option', () => {
    const { widget: parsed, problems } = parseEmbedWidget(
      { kind: 'form', event: 'growth-101', q: ' ai ', lang: 'EN', theme: 'dark', accent: '#E11D48', locale: 'fr-FR' },
      EVENTS,
    );
    expect(problems).toEqual([]);
    expect(parsed).toEqual(
      widget({ kind: 'form', event: 'growth-101', q: 'ai', lang: 'en', options: { theme: 'dark', accent: '#e11d48', locale: 'fr-FR' } }),
    );
  });

  it.each([
    ['unknown kind', { kind: 'calendar' }, 'list'],
    ['confirmation is no builder kind', { kind: 'confirmation' }, 'list'],
    ['event', { kind: 'event' }, 'event'],
  ])('kind: %s', (_name, params, expected) => {
    expect(parseEmbedWidget(params, EVENTS).widget.kind).toBe(expected);
  });

  it('replaces an unpublished event by the first one, and says so when it matters', () => {
    const asEvent = parseEmbedWidget({ kind: 'event', event: 'draft-event' }, EVENTS);
    expect(asEvent.widget.event).toBe('launch-week');
    expect(asEvent.problems).toEqual(['The event "draft-event" is not published, so another one is shown.']);
    expect(parseEmbedWidget({ kind: 'list', event: 'draft-event' }, EVENTS).problems).toEqual([]);
  });

  it('has no event when none is published', () => {
    expect(parseEmbedWidget({ kind: 'form' }, []).widget.event).toBeNull();
  });

  it("treats the site's own accent as no accent", () => {
    expect(parseEmbedWidget({ accent: SITE_ACCENT.toUpperCase() }, EVENTS).widget.options.accent).toBeNull();
  });

  it.each([
    ['accent', { accent: 'tomato' }, /accent colour/],
    ['locale', { locale: 'klingon!' }, /"klingon!" is not a locale/],
    ['language', { lang: 'english please' }, /language filter/],
  ])('explains an unusable %s', (_name, params, message) => {
    const { problems } = parseEmbedWidget(params, EVENTS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('ignores the listing parameters that are no builder options', () => {
    expect(parseEmbedWidget({ from: 'soon', page: '-1' }, EVENTS).problems).toEqual([]);
  });
});

describe('embedPagePath', () => {
  it.each<[string, EmbedWidget, string | null]>([
    ['plain list', widget(), '/embed/events'],
    [
      'filtered, themed list',
      widget({ q: 'growth hacks', lang: 'en', options: { theme: 'dark', accent: '#e11d48', locale: 'fr-FR' } }),
      '/embed/events?q=growth+hacks&lang=en&theme=dark&accent=e11d48&locale=fr-FR',
    ],
    ['event, list filters left out', widget({ kind: 'event', event: 'launch-week', q: 'x', lang: 'en' }), '/embed/events/launch-week'],
    ['form', widget({ kind: 'form', event: 'a b', options: { theme: 'auto' } }), '/embed/events/a%20b/register?theme=auto'],
    ['event without an event', widget({ kind: 'event' }), null],
  ])('%s', (_name, input, expected) => {
    expect(embedPagePath(input)).toBe(expected);
  });

  it('adds what a loader adds', () => {
    expect(embedPagePath(widget({ kind: 'event', event: 'x' }), { embedId: 'preview', host: 'https://webinars.example.com' })).toBe(
      '/embed/events/x?embed_id=preview&host=https%3A%2F%2Fwebinars.example.com',
    );
  });

  it('writes options the embed pages read back unchanged', () => {
    const options = { theme: 'auto', accent: '#0f766e', locale: 'de-DE' } as const;
    const path = embedPagePath(widget({ options }))!;
    expect(parseEmbedOptions(new URL(path, SITE).searchParams)).toMatchObject(options);
  });
});

describe('scriptSnippet', () => {
  it('writes the container with its data-* options, then the script', () => {
    expect(scriptSnippet(SITE, widget({ lang: 'en', options: { theme: 'auto', accent: '#e11d48', locale: 'fr-FR' } }))).toBe(
      '<div data-livestorm-events="list" data-lang="en" data-theme="auto" data-accent="#e11d48" data-locale="fr-FR"></div>\n' +
        '<script src="https://webinars.example.com/embed.js" async></script>',
    );
  });

  it('names the event of an event or a form, and leaves list filters out', () => {
    expect(scriptSnippet(SITE, widget({ kind: 'form', event: 'launch-week', q: 'x' }))).toBe(
      '<div data-livestorm-events="form" data-event="launch-week"></div>\n<script src="https://webinars.example.com/embed.js" async></script>',
    );
    expect(scriptSnippet(SITE, widget({ kind: 'event' }))).toBeNull();
  });

  it('escapes attribute values', () => {
    expect(scriptSnippet(SITE, widget({ q: `"><script>alert('&')</script>` }))).toContain(
      `data-q="&quot;&gt;&lt;script&gt;alert('&amp;')&lt;/script&gt;"`,
    );
  });

  it('serves the loader from a site under a path', () => {
    expect(scriptSnippet('https://example.com/webinars', widget())).toContain('src="https://example.com/webinars/embed.js"');
  });
});

describe('iframeSnippet', () => {
  it('writes an absolute, escaped URL, a title and a fixed height', () => {
    expect(iframeSnippet(SITE, widget({ q: 'a&b', lang: 'en' }), 'Upcoming webinars')).toBe(
      '<iframe src="https://webinars.example.com/embed/events?q=a%26b&amp;lang=en" title="Upcoming webinars" loading="lazy"\n' +
        '  style="width:100%;height:900px;border:0;display:block"></iframe>',
    );
  });

  it('escapes the title', () => {
    expect(iframeSnippet(SITE, widget({ kind: 'form', event: 'x' }), 'Register for "Q&A"')).toContain('title="Register for &quot;Q&amp;A&quot;"');
  });

  it('needs an event for an event or a form', () => {
    expect(iframeSnippet(SITE, widget({ kind: 'form' }), 'Webinar registration')).toBeNull();
  });
});

describe('embedTitle', () => {
  it.each([
    ['list', null, 'Upcoming webinars'],
    ['list', 'Ignored', 'Upcoming webinars'],
    ['event', 'Launch week', 'Launch week'],
    ['event', null, 'Webinar'],
    ['form', 'Launch week', 'Register for Launch week'],
    ['form', null, 'Webinar registration'],
  ] as const)('%s, %j → %j', (kind, eventTitle, expected) => {
    expect(embedTitle(kind, eventTitle)).toBe(expected);
  });
});
