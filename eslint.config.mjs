// ESLint 9 flat config. eslint-config-next 16 ships flat configs (arrays) per entry point.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/lib/sandbox',
              allowTypeImports: true,
              message:
                'Only lib/livestorm/from-config.ts loads the sandbox, with a dynamic import, so a live build leaves it out (scripts import ../lib/sandbox).',
            },
          ],
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+|\\./)lib/livestorm/(?!(public|types)$)',
              message:
                "Import Livestorm through its entries: '@/lib/livestorm' in the site, '@/lib/livestorm/public' in scripts and the modules they share, '@/lib/livestorm/types' in the browser.",
            },
            {
              regex: '^(@/|(\\.\\./)+|\\./)lib/sandbox/',
              message: "Import the sandbox through its entry ('lib/sandbox'), never its parts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a callback named `use`, which the React hooks rule mistakes for
    // React's use(); nothing under tests/e2e is React code.
    files: ['tests/e2e/**', 'playwright.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
]);
