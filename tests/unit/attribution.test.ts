import { describe, expect, it } from 'vitest';
import {
  attributionFromUrl,
  attributionInputs,
  cleanValue,
  decodeAttribution,
  encodeAttribution,
  externalReferrer,
  nextAttribution,
  readAttributionForm,
  EMPTY_ATTRIBUTION,
} from '@/lib/attribution';
import type { Attribution } from '@/lib/livestorm/types';

const OWN = ['landing.example.com', 'localhost:3000', null];

const attribution = (overrides: Partial<Attribution>): Attribution => ({ ...EMPTY_ATTRIBUTION, ...overrides });
const landing = (query: string, referrer: string | null = null) => attributionFromUrl(new URLSearchParams(query), referrer);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('externalReferrer', () => {
  it.each([
    ['https://www.google.com/', 'https://www.google.com'],
    ['https://www.google.com', 'https://www.google.com'],
    ['https://news.site.com/a/b?email=ada@acme.com#top', 'https://news.site.com/a/b'],
    ['https://news.site.com/?q=secret', 'https://news.site.com'],
    ['http://blog.site.com:8080/post', 'http://blog.site.com:8080/post'],
    ['HTTPS://Blog.Site.COM/Post', 'https://blog.site.com/Post'],
    ['http://localhost:4000/page', 'http://localhost:4000/page'],
    ['https://landing.example.com.evil.com/', 'https://landing.example.com.evil.com'],
  ])('%j → %j', (raw, expected) => {
    expect(externalReferrer(raw, OWN)).toBe(expected);
  });

  it.each([
    ['own host', 'https://landing.example.com/events/x?utm_source=a'],
    ['own host, other case', 'https://LANDING.Example.COM/'],
    ['own host with port', 'http://localhost:3000/events'],
    ['ftp', 'ftp://files.site.com/a'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,hi'],
    ['junk', 'not a url'],
    ['relative', '/events/x'],
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
  ])('ignores %s', (_name, raw) => {
    expect(externalReferrer(raw, OWN)).toBeNull();
  });

  it('matches own hosts case-insensitively on both sides', () => {
    expect(externalReferrer('https://landing.example.com/a', ['Landing.EXAMPLE.com'])).toBeNull();
  });

  it('caps very long referrers', () => {
    expect(externalReferrer(`https://site.com/${'a'.repeat(400)}`, OWN)).toHaveLength(255);
  });
});

describe('attributionFromUrl', () => {
  it('reads the utm parameters, cleaned, with the referrer', () => {
    expect(landing('utm_source=News%0A&utm_medium=+email+&utm_campaign=&other=x', 'https://ref.com')).toEqual(
      attribution({ referrer: 'https://ref.com', utmSource: 'News', utmMedium: 'email' }),
    );
  });
});

describe('nextAttribution', () => {
  const kept = attribution({ referrer: 'https://first.com', utmSource: 'news', utmCampaign: 'spring' });

  it.each<[string, Attribution | null, Attribution, Attribution | null]>([
    ['a first campaign landing', null, landing('utm_source=news'), landing('utm_source=news')],
    ['a new campaign replaces', kept, landing('utm_source=ads', 'https://other.com'), landing('utm_source=ads', 'https://other.com')],
    ['a changed utm value replaces', kept, landing('utm_source=news&utm_campaign=summer'), landing('utm_source=news&utm_campaign=summer')],
    ['a subset of the same utms replaces', kept, landing('utm_source=news'), landing('utm_source=news')],
    ['the same campaign again keeps the current one', kept, landing('utm_source=news&utm_campaign=spring', 'https://other.com'), null],
    ['the same campaign without referrer keeps the current one', kept, landing('utm_source=news&utm_campaign=spring'), null],
    ['a plain referral fills an empty slate', null, landing('', 'https://ref.com'), landing('', 'https://ref.com')],
    ['a plain referral does not replace a campaign', kept, landing('', 'https://ref.com'), null],
    ['a plain referral does not replace a referral', attribution({ referrer: 'https://first.com' }), landing('', 'https://ref.com'), null],
    ['nothing on an empty slate', null, landing(''), null],
    ['nothing on a kept campaign', kept, landing('other=1'), null],
  ])('%s', (_name, current, next, expected) => {
    expect(nextAttribution(current, next)).toEqual(expected);
  });
});

describe('encodeAttribution / decodeAttribution', () => {
  const full = attribution({
    referrer: 'https://ref.com/a',
    utmSource: 'news',
    utmMedium: 'email',
    utmCampaign: 'spring – café ☕',
    utmTerm: 'webinar',
    utmContent: 'cta',
  });

  it.each([
    ['full', full],
    ['referrer only', attribution({ referrer: 'https://ref.com' })],
    ['one utm', attribution({ utmTerm: 'x' })],
  ])('round-trips %s', (_name, value) => {
    const encoded = encodeAttribution(value);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeAttribution(encoded)).toEqual(value);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['not base64', '!!!%%%'],
    ['base64 of junk', Buffer.from('{not json', 'utf8').toString('base64url')],
    ['a JSON string', base64url('hello')],
    ['a JSON number', base64url(42)],
    ['JSON null', base64url(null)],
    ['a JSON array', base64url(['news'])],
    ['an empty attribution', encodeAttribution(EMPTY_ATTRIBUTION)],
    ['only non-string values', base64url({ utmSource: 42, referrer: { a: 1 }, utmMedium: true })],
    ['oversized', base64url({ utmSource: 'news', padding: 'x'.repeat(4000) })],
  ])('decodes %s as null', (_name, raw) => {
    expect(decodeAttribution(raw)).toBeNull();
  });

  it('cleans what it decodes and ignores unknown keys', () => {
    const raw = base64url({ utmSource: ' news\u0000\n', utmMedium: 'x'.repeat(300), utmTerm: 7, admin: true });
    expect(decodeAttribution(raw)).toEqual(attribution({ utmSource: 'news', utmMedium: 'x'.repeat(255) }));
  });
});

describe('cleanValue', () => {
  it.each([
    ['plain', 'news', 'news'],
    ['trimmed', '  news  ', 'news'],
    ['control characters', 'ne\u0000w\ts\r\n\u001f\u007f', 'news'],
    ['unicode kept', ' Café ☕ – été ', 'Café ☕ – été'],
    ['capped', 'x'.repeat(300), 'x'.repeat(255)],
    ['empty', '', null],
    ['only whitespace and controls', ' \n\t\u0000 ', null],
    ['number', 42, null],
    ['null', null, null],
    ['undefined', undefined, null],
    ['array', ['news'], null],
  ])('%s', (_name, raw, expected) => {
    expect(cleanValue(raw)).toBe(expected);
  });

  it('ignores File entries', () => {
    expect(cleanValue(new File(['x'], 'a.txt'))).toBeNull();
  });
});

describe('attributionInputs / readAttributionForm', () => {
  const full = attribution({
    referrer: 'https://ref.com/a',
    utmSource: 'news',
    utmMedium: 'email',
    utmCampaign: 'spring',
    utmTerm: 'webinar',
    utmContent: 'cta',
  });

  function formOf(inputs: Array<{ name: string; value: string }>): FormData {
    const data = new FormData();
    for (const { name, value } of inputs) data.append(name, value);
    return data;
  }

  it('names the hidden inputs after the utm parameters, skipping empty values', () => {
    expect(attributionInputs(full)).toEqual([
      { name: 'attribution.referrer', value: 'https://ref.com/a' },
      { name: 'attribution.utm_source', value: 'news' },
      { name: 'attribution.utm_medium', value: 'email' },
      { name: 'attribution.utm_campaign', value: 'spring' },
      { name: 'attribution.utm_term', value: 'webinar' },
      { name: 'attribution.utm_content', value: 'cta' },
    ]);
    expect(attributionInputs(attribution({ utmCampaign: 'spring' }))).toEqual([
      { name: 'attribution.utm_campaign', value: 'spring' },
    ]);
    expect(attributionInputs(null)).toEqual([]);
    expect(attributionInputs(EMPTY_ATTRIBUTION)).toEqual([]);
  });

  it.each([
    ['full', full],
    ['partial', attribution({ referrer: 'https://ref.com', utmContent: 'cta' })],
    ['empty', EMPTY_ATTRIBUTION],
  ])('round-trips %s through FormData', (_name, value) => {
    expect(readAttributionForm(formOf(attributionInputs(value)))).toEqual(value);
  });

  it('cleans tampered values and ignores files and unknown keys', () => {
    const data = new FormData();
    data.append('attribution.utm_source', ` news\u0000${'x'.repeat(300)}`);
    data.append('attribution.referrer', new File(['x'], 'a.txt'));
    data.append('attribution.utm_medium', '   ');
    data.append('attribution.admin', 'true');
    expect(readAttributionForm(data)).toEqual(attribution({ utmSource: `news${'x'.repeat(251)}` }));
  });
});
