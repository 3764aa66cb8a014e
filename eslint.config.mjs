// ESLint 9 flat config. eslint-config-next 16 ships flat configs (arrays) per entry point.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

/** `@/lib/livestorm/x`, `../livestorm/x`, `../../lib/livestorm/x`...: any way of reaching into the folder. */
const inside = (folder) => `^(@/lib/|(\\.{1,2}/)+(lib/)?)${folder}`;

const LIVESTORM_PARTS = {
  regex: `${inside('livestorm')}/(?!(public|types)$)`,
  message:
    "Import Livestorm through its entries: '@/lib/livestorm' in the site, '@/lib/livestorm/public' in scripts and the modules they share, '@/lib/livestorm/types' in the browser.",
};
const SANDBOX_PARTS = {
  regex: `${inside('sandbox')}/`,
  message: "Import the sandbox through its entry ('lib/sandbox'), never its parts.",
};
const SANDBOX_ENTRY = {
  regex: `${inside('sandbox')}$`,
  allowTypeImports: true,
  message: 'Only lib/livestorm/from-config.ts loads the sandbox, with a dynamic import, so a live build leaves it out.',
};

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  globalIgnores([
    '.next/**',
    'node_modules/**',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
    'blob-report/**',
    'coverage/**',
    'out/**',
    'next-env.d.ts',
  ]),
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // Strict TypeScript project: `any` hides exactly the bugs the type checker is there for.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Sealed modules: the Livestorm client and the sandbox are imported through their entries only.
    // Tests may reach into the module they test; everything else may not.
    files: ['**/*.{ts,tsx,mts,cts,js,mjs}'],
    ignores: ['lib/livestorm/**', 'lib/sandbox/**', 'tests/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LIVESTORM_PARTS, SANDBOX_PARTS] }] },
  },
  {
    // The site's own code never imports the sandbox statically: only lib/livestorm/from-config.ts
    // loads it, with a dynamic import a live build drops. Scripts run it directly.
    files: ['app/**', 'components/**', 'lib/**', '*.{ts,tsx,mts,js,mjs}'],
    ignores: ['lib/livestorm/**', 'lib/sandbox/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LIVESTORM_PARTS, SANDBOX_PARTS, SANDBOX_ENTRY] }] },
  },
  {
    // Playwright fixtures receive a callback named `use`, which the React hooks rule mistakes for
    // React's use(); nothing under tests/e2e is React code.
    files: ['tests/e2e/**', 'playwright.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
]);
