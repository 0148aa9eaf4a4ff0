import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline from every module's `*.tables.ts` and checked in.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/*.tables.ts',
  out: './migrations',
});
