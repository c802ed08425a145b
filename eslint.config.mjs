import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'data/**',
      '.data-*/**',
      'test-results/**',
      'playwright-report/**',
      'public/sw.js',
      'next-env.d.ts',
      'drizzle/migrations/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // lib/env.ts is the only reader of the environment.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through getEnv() in lib/env.ts.' },
      ],
    },
  },
  {
    files: ['lib/env.ts', 'server.ts', 'instrumentation.ts', 'scripts/**', 'e2e/**', 'playwright.config.ts', 'vitest.config.ts', 'drizzle.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;
