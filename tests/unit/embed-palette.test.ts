import { describe, expect, it } from 'vitest';
import { embedContentSecurityPolicy, isEmbedPath } from '@/lib/embed/framing';
import { contrastRatio, DEFAULT_ACCENT, embedPalette, embedPaletteStyle } from '@/lib/embed/palette';
import { clampEmbedHeight, embedMessage } from '@/lib/embed/protocol';

const LIGHT_BACKGROUNDS = ['#ffffff', '#f8fafc'];
const DARK_BACKGROUNDS = ['#0f172a', '#020617'];

describe('embedPalette', () => {
  it.each([null, '#ffff00', '#ffffff', '#000000', '#e11d48', '#22c55e', '#0ea5e9', '#808080', '#4338ca'])(
    'makes %s readable (AA) as text on both themes’ backgrounds and under its own text colour',
    (accent) => {
      const { light, dark } = embedPalette(accent);
      for (const background of LIGHT_BACKGROUNDS) expect(contrastRatio(light.accent, background)).toBeGreaterThanOrEqual(4.5);
      for (const background of DARK_BACKGROUNDS) expect(contrastRatio(dark.accent, background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(light.onAccent, light.accent)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(dark.onAccent, dark.accent)).toBeGreaterThanOrEqual(4.5);
      // Hover colours only move away from the text on them.
      expect(contrastRatio(light.onAccent, light.strong)).toBeGreaterThanOrEqual(contrastRatio(light.onAccent, light.accent));
      expect(contrastRatio(dark.onAccent, dark.strong)).toBeGreaterThanOrEqual(contrastRatio(dark.onAccent, dark.accent));
    },
  );

  it('keeps a colour that is already readable as it is', () => {
    expect(embedPalette('#4338ca').light.accent).toBe('#4338ca');
    expect(embedPalette(null).light.accent).toBe(DEFAULT_ACCENT);
    expect(embedPalette('#22c55e').dark.accent).toBe('#22c55e');
  });

  it('writes light-dark() pairs for the root’s color-scheme to choose from', () => {
    expect(embedPaletteStyle('#ffff00')).toEqual({
      '--accent': 'light-dark(#757500, #ffff00)',
      '--accent-strong': expect.stringMatching(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$/),
      '--accent-soft': expect.stringMatching(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$/),
      '--on-accent': 'light-dark(#ffffff, #020617)',
    });
  });

  it('measures contrast as WCAG defines it', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('framing', () => {
  it('lets the site and the configured origins frame embeds', () => {
    expect(embedContentSecurityPolicy([])).toBe("frame-ancestors 'self'; object-src 'none'; base-uri 'self'");
    expect(embedContentSecurityPolicy(['https://a.example', 'https://*.b.example'])).toBe(
      "frame-ancestors 'self' https://a.example https://*.b.example; object-src 'none'; base-uri 'self'",
    );
  });

  it.each([
    ['/embed/events', true],
    ['/embed/events/x/register', true],
    ['/embed', false],
    ['/embed-builder', false],
    ['/events/embed/x', false],
  ])('%s is an embed path: %s', (path, expected) => {
    expect(isEmbedPath(path)).toBe(expected);
  });
});

describe('protocol', () => {
  it.each([
    [0, 60],
    [59.2, 60],
    [480.1, 481],
    [1e9, 20_000],
    [Number.NaN, null],
    ['500', null],
  ])('clamps height %s to %s', (height, expected) => {
    expect(clampEmbedHeight(height)).toBe(expected);
  });

  it('wraps events in the versioned envelope', () => {
    expect(embedMessage({ type: 'resize', height: 300 }, 'e1')).toEqual({ type: 'resize', height: 300, source: 'livestorm-events', version: 1, embedId: 'e1' });
  });
});
