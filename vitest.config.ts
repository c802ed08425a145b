import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) run once; integration tests (*.int.test.ts) run against an in-memory
// PGlite always, and against the PostgreSQL server too when TEST_DATABASE_URL is set. Tests of
// several processes on one database (*.postgres.int.test.ts) need the server and run only there.
const root = import.meta.dirname;
const shared = {
  alias: [
    { find: /^@\/(.*)$/, replacement: path.join(root, '$1') },
    { find: /^server-only$/, replacement: path.join(root, 'node_modules/server-only/empty.js') },
  ],
};
const integration = ['lib/**/*.int.test.ts', 'scripts/**/*.int.test.ts'];

export default defineConfig({
  resolve: { alias: shared.alias },
  test: {
    environment: 'node',
    // Tests print only warnings and errors of the portal's own log.
    env: { LOG_LEVEL: 'warn' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true as const,
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts'], exclude: integration },
      },
      {
        extends: true as const,
        test: { name: 'pglite', include: integration, exclude: ['**/*.postgres.int.test.ts'], env: { TEST_DB_DRIVER: 'pglite' } },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include: integration, env: { TEST_DB_DRIVER: 'postgres' } },
            },
          ]
        : []),
    ],
  },
});
