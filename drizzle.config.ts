import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema files and committed; they are applied at start
// (lib/db/migrate.ts), never pushed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './drizzle/schema/index.ts',
  out: './drizzle/migrations',
  casing: 'snake_case',
});
