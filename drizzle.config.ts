import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from db/schema; it never opens the (encrypted) vault itself.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
