import { describe, expect, it } from 'vitest';
import {
  CLICK_ID_PARAMS,
  DEFAULT_EMBED_OPTIONS,
  EMBED_PATHS,
  embedContextParams,
  embedHref,
  embedReferrer,
  parseAccent,
  parseEmbedAttribution,
  parseEmbedContext,
  parseEmbedOptions,
  parseLocale,
  parseOrigin,
  type EmbedContext,
} from '@/lib/embed/options';
import { EMPTY_ATTRIBUTION } from '@/lib/attribution';

const context = (options: Partial<EmbedContext['options']>, attribution: Partial<EmbedContext['attribution']> = {}): EmbedContext => ({
  options: { ...DEFAULT_EMBED_OPTIONS, ...options },
  attribution: { ...EMPTY_ATTRIBUTION, ...attribution },
});

describe('parse and serialise round trip', () => {
  it.each([
    ['defaults', context({})],
    ['theme only', context({ theme: 'dark' })],
    [
      'everything',
      context(
        { theme: 'auto', accent: '#e11d48', locale: 'fr-FR', embedId: 'hero_list-1', host: 'https://shop.example.com' },
        {
          utmSource: 'newsletter',
          utmMedium: 'email',
          utmCampaign: 'spring launch',
          utmTerm: 'webinar',
          utmContent: 'hero',
          referrer: 'https://shop.example.com/pricing?gclid=G-1&fbclid=F1',
        },
      ),
    ],
    ['referrer at the root', context({}, { referrer: 'http://localhost:8080' })],
  ])('%s', (_name, original) => {
    const params = embedContextParams(original);
    expect(parseEmbedContext(params)).toEqual(original);
    // The same through a Next searchParams record.
    expect(parseEmbedContext(Object.fromEntries(params))).toEqual(original);
  });

  it('leaves defaults out of the URL', () => {
    expect(embedContextParams(context({})).toString()).toBe('');
    expect(embedContextParams(context({ theme: 'light', accent: '#e11d48' })).toString()).toBe('accent=e11d48');
  });

  it('writes the accent without its #', () => {
    expect(embedContextParams(context({ accent: '#0a0b0c' })).get('accent')).toBe('0a0b0c');
  });
});

describe('parseEmbedOptions', () => {
  it('falls back to the defaults', () => {
    expect(parseEmbedOptions({})).toEqual(DEFAULT_EMBED_OPTIONS);
    expect(parseEmbedOptions(new URLSearchParams('theme=blue&accent=red&locale=x&embed_id=&host=nope'))).toEqual(DEFAULT_EMBED_OPTIONS);
  });

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['auto', 'auto'],
    [' dark ', 'dark'],
    ['DARK', 'light'],
    ['sepia', 'light'],
  ])('theme %j → %j', (raw, expected) => {
    expect(parseEmbedOptions({ theme: raw }).theme).toBe(expected);
  });

  it('takes the first of repeated parameters', () => {
    expect(parseEmbedOptions({ theme: ['dark', 'light'] }).theme).toBe('dark');
  });

  it.each([
    ['hero', 'hero'],
    ['list_2-B', 'list_2-B'],
    ['a'.repeat(64), 'a'.repeat(64)],
    ['a'.repeat(65), null],
    ['two words', null],
    ['<script>', null],
    ['id.with.dots', null],
    ['', null],
  ])('embed_id %j → %j', (raw, expected) => {
    expect(parseEmbedOptions({ embed_id: raw }).embedId).toBe(expected);
  });
});

describe('parseAccent', () => {
  it.each([
    ['#e11d48', '#e11d48'],
    ['E11D48', '#e11d48'],
    ['#ABC', '#aabbcc'],
    ['0f0', '#00ff00'],
    ['#e11d4', null],
    ['#e11d48ff', null],
    ['red', null],
    ['ggg', null],
    ['##e11d48', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseAccent(raw)).toBe(expected);
  });
});

describe('parseLocale', () => {
  it.each([
    ['fr-FR', 'fr-FR'],
    ['en', 'en'],
    ['EN-us', 'en-US'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['qq-QQ', null],
    ['fr_FR', null],
    ['f', null],
    ['en-US-u-ca-buddhist', null],
    [`en-${'a'.repeat(40)}`, null],
    ['<script>', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseLocale(raw)).toBe(expected);
  });
});

describe('parseOrigin', () => {
  it.each([
    ['https://shop.example.com', 'https://shop.example.com'],
    ['https://Shop.Example.com/pricing?x=1#top', 'https://shop.example.com'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['https://shop.example.com:443', 'https://shop.example.com'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['ftp://files.example.com', null],
    ['shop.example.com', null],
    ['null', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseOrigin(raw)).toBe(expected);
  });
});

describe('embedReferrer', () => {
  it.each([
    ['https://shop.example.com/pricing?email=ada%40acme.com&gclid=G1&utm_source=x#top', 'https://shop.example.com/pricing?gclid=G1'],
    ['https://shop.example.com/?fbclid=F1&name=Ada', 'https://shop.example.com?fbclid=F1'],
    ['https://shop.example.com/a/b?token=secret', 'https://shop.example.com/a/b'],
    ['https://shop.example.com/', 'https://shop.example.com'],
    ['https://shop.example.com/?msclkid=M&gclid=G', 'https://shop.example.com?gclid=G&msclkid=M'],
    ['ftp://shop.example.com/', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(embedReferrer(raw)).toBe(expected);
  });

  it('keeps every click id and nothing else', () => {
    const query = new URLSearchParams([...CLICK_ID_PARAMS.map((name) => [name, `${name}-value`]), ['email', 'a@b.c'], ['q', 'x']]);
    const kept = new URL(embedReferrer(`https://shop.example.com/p?${query}`)!).searchParams;
    expect([...kept.keys()]).toEqual([...CLICK_ID_PARAMS]);
  });

  it('cleans and caps click id values', () => {
    const kept = new URL(embedReferrer(`https://shop.example.com/p?gclid=${'x'.repeat(300)}&fbclid=%0A%0A`)!).searchParams;
    expect(kept.get('gclid')).toHaveLength(200);
    expect(kept.has('fbclid')).toBe(false);
  });
});

describe('parseEmbedAttribution', () => {
  it('reads utm_* and reduces ref to origin, path and click ids', () => {
    expect(
      parseEmbedAttribution(
        new URLSearchParams({ utm_source: ' news ', utm_medium: 'email', ref: 'https://shop.example.com/p?email=a@b.c&gclid=G1' }),
      ),
    ).toEqual({ ...EMPTY_ATTRIBUTION, utmSource: 'news', utmMedium: 'email', referrer: 'https://shop.example.com/p?gclid=G1' });
  });
});

describe('embedHref and EMBED_PATHS', () => {
  it('puts the page parameters first, then the context, and drops empty ones', () => {
    expect(embedHref(EMBED_PATHS.list, context({ theme: 'dark', embedId: 'x' }), { q: 'growth', lang: null, from: '' })).toBe(
      '/embed/events?q=growth&theme=dark&embed_id=x',
    );
    expect(embedHref(EMBED_PATHS.list, context({}))).toBe('/embed/events');
  });

  it('encodes slugs', () => {
    expect(EMBED_PATHS.event('my event/é')).toBe('/embed/events/my%20event%2F%C3%A9');
    expect(EMBED_PATHS.form('launch')).toBe('/embed/events/launch/register');
    expect(EMBED_PATHS.confirmation('abc')).toBe('/embed/registrations/abc');
  });
});
