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
    // Playwright fixtures receive a callback named `use`, which the React hooks rule mistakes for
    // React's use(); nothing under tests/e2e is React code.
    files: ['tests/e2e/**', 'playwright.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
]);
