import { blob, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about the vault itself: its id (must match the keyring), creation time, demo flag. */
export const vaultMeta = sqliteTable('vault_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The data keys this vault had before a rotation (vault/rotation.ts), by the id the keyring names
 * a key with: a backup made before it is still restored from inside the app. Only whoever opens
 * the vault of now reads them; whoever was removed knew them already.
 */
export const retiredDataKeys = sqliteTable('retired_data_keys', {
  keyId: text('key_id').primaryKey(),
  dataKey: blob('data_key', { mode: 'buffer' }).notNull(),
  retiredAt: text('retired_at').notNull(),
});
