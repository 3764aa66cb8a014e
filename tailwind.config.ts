import type { Config } from 'tailwindcss';

export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        // Driven by CSS variables so a deployment (or an embed) can re-theme without a rebuild.
        accent: {
          DEFAULT: 'var(--accent)',
          strong: 'var(--accent-strong)',
          soft: 'var(--accent-soft)',
        },
        /** Text on an accent background: white, or near-black for a light accent (embeds' dark theme). */
        'on-accent': 'var(--on-accent)',
        /** Cards and inputs: white on the site, themed in embeds. */
        surface: 'var(--surface)',
        live: 'var(--live)',
      },
      fontFamily: {
        sans: ['var(--font-sans)', 'ui-sans-serif', 'system-ui', 'sans-serif'],
      },
      maxWidth: { content: '72rem' },
    },
  },
} satisfies Config;
