/**
 * An embed's accent, made readable in both themes: the host picks any colour; we darken it (light
 * theme) or lighten it (dark theme) just enough for WCAG AA text contrast (4.5:1) against the
 * embed's backgrounds, and pick the text colour that goes on it.
 */

type Rgb = [number, number, number];

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** The embed's light backgrounds (surface and page: white, slate-50) and dark ones (slate-900, slate-950). */
const LIGHT_BACKGROUNDS: Rgb[] = [WHITE, [248, 250, 252]];
const DARK_BACKGROUNDS: Rgb[] = [[15, 23, 42], [2, 6, 23]];
const DARK_TEXT: Rgb = [2, 6, 23];
export const DEFAULT_ACCENT = '#4338ca';
const AA = 4.5;

function toRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const la = luminance(typeof a === 'string' ? toRgb(a) : a);
  const lb = luminance(typeof b === 'string' ? toRgb(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => from[i]! + (to[i]! - from[i]!) * amount) as Rgb;
}

/** The least mix towards `target` that reads at AA on every background. */
function readableOn(color: Rgb, backgrounds: Rgb[], target: Rgb): Rgb {
  for (let step = 0; step <= 50; step++) {
    const candidate = mix(color, target, step / 50);
    const rounded = candidate.map(Math.round) as Rgb;
    if (backgrounds.every((background) => contrastRatio(rounded, background) >= AA)) return rounded;
  }
  return target;
}

export interface ThemeAccent {
  accent: string;
  strong: string;
  soft: string;
  onAccent: string;
}

export interface EmbedPalette {
  light: ThemeAccent;
  dark: ThemeAccent;
}

export function embedPalette(accentHex: string | null): EmbedPalette {
  const base = toRgb(accentHex ?? DEFAULT_ACCENT);
  const light = readableOn(base, LIGHT_BACKGROUNDS, BLACK);
  const dark = readableOn(base, DARK_BACKGROUNDS, WHITE);
  return {
    light: {
      accent: toHex(light),
      // Hover: further from the background, so text on it only gains contrast.
      strong: toHex(mix(light, BLACK, 0.2)),
      soft: toHex(mix(WHITE, light, 0.1)),
      onAccent: '#ffffff',
    },
    dark: {
      accent: toHex(dark),
      strong: toHex(mix(dark, WHITE, 0.2)),
      soft: toHex(mix(DARK_BACKGROUNDS[0]!, dark, 0.2)),
      onAccent: toHex(DARK_TEXT),
    },
  };
}

/** CSS custom properties for the embed root; `light-dark()` follows the root's `color-scheme`. */
export function embedPaletteStyle(accentHex: string | null): Record<string, string> {
  const { light, dark } = embedPalette(accentHex);
  const pair = (a: string, b: string) => `light-dark(${a}, ${b})`;
  return {
    '--accent': pair(light.accent, dark.accent),
    '--accent-strong': pair(light.strong, dark.strong),
    '--accent-soft': pair(light.soft, dark.soft),
    '--on-accent': pair(light.onAccent, dark.onAccent),
  };
}
