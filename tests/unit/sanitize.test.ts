import { describe, expect, it } from 'vitest';
import { plainTextExcerpt, sanitizeDescription } from '@/lib/sanitize';

describe('sanitizeDescription', () => {
  it.each([
    ['<p>Hi</p><script>window.__xss=1</script>', '<p>Hi</p>'],
    ['<img src="https://cdn.example.com/a.png" onerror="window.__xss=1">', '<img src="https://cdn.example.com/a.png" alt="" loading="lazy" />'],
    ['<a href="javascript:window.__xss=1">click</a>', '<a rel="noopener noreferrer nofollow">click</a>'],
    ['<iframe src="https://example.com"></iframe><p>after</p>', '<p>after</p>'],
    ['<p onclick="steal()" style="color:red">text</p>', '<p>text</p>'],
    ['<p>a<img src=x onerror="window.__xss=1"></p>', '<p>a</p>'],
    ['<p>a<img src="//evil.example.com/t.gif"></p>', '<p>a</p>'],
    ['<svg><script>alert(1)</script></svg>ok', 'ok'],
    ['<form action="https://evil"><input name="x"></form>kept', 'kept'],
    ['<p>a<img src="http://insecure.example.com/a.png"></p>', '<p>a</p>'],
  ])('removes active content: %s', (input, expected) => {
    expect(sanitizeDescription(input)).toBe(expected);
  });

  it('keeps formatting, lists, quotes and safe links', () => {
    const html =
      '<h1>Agenda</h1><p><strong>Bold</strong> and <em>italic</em></p><ul><li>One</li></ul><blockquote>Quote</blockquote><a href="https://example.com/x" target="_blank">link</a>';
    expect(sanitizeDescription(html)).toBe(
      '<h2>Agenda</h2><p><strong>Bold</strong> and <em>italic</em></p><ul><li>One</li></ul><blockquote>Quote</blockquote><a href="https://example.com/x" target="_blank" rel="noopener noreferrer nofollow">link</a>',
    );
  });

  it('returns an empty string for null or empty input', () => {
    expect(sanitizeDescription(null)).toBe('');
    expect(sanitizeDescription('')).toBe('');
  });
});

describe('plainTextExcerpt', () => {
  it('extracts text, drops scripts and decodes entities', () => {
    expect(plainTextExcerpt('<p>Fast &amp; safe</p><script>evil()</script><ul><li>One</li><li>Two</li></ul>')).toBe('Fast & safe One Two');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const excerpt = plainTextExcerpt(`<p>${'word '.repeat(100)}</p>`, 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
