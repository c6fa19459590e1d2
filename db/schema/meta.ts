import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about the vault itself: its id (must match the keyring), creation time, demo flag. */
export const vaultMeta = sqliteTable('vault_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
