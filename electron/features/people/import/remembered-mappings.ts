import type { VaultDb } from '../../../../db/open';
import {
  headerSignature,
  isTargetField,
  mappingToRemember,
  rememberedMapping,
  sourceMappingKey,
  type ColumnMapping,
  type ImportSource,
} from './fields';
import { mappingRows, saveMappingRow } from './store';

/**
 * The mapping chosen last time for a source (Magister, Somtoday, own file), applied to this file's
 * headers. Vaults from before mappings were kept per source have them per exact header row: such a
 * row still counts for a file with exactly those headers.
 */
export function mappingRememberedFor(
  db: VaultDb,
  source: ImportSource,
  headers: string[],
): { mapping: ColumnMapping; ignored: string[] } | null {
  const bySource = sourceMappingKey(source);
  const bySignature = headerSignature(headers);
  const rows = mappingRows(db, [bySource, bySignature]);
  const forSource = rows.find((r) => r.headerSignature === bySource);
  if (forSource) return rememberedMapping(headers, forSource.mapping);
  const forLayout = rows.find((r) => r.headerSignature === bySignature);
  if (!forLayout) return null;
  const mapping = Object.fromEntries(
    Object.entries(forLayout.mapping).filter(([col, target]) => Number(col) < headers.length && isTargetField(target)),
  ) as ColumnMapping;
  return { mapping, ignored: headers.map((_, i) => String(i)).filter((c) => !(c in mapping)) };
}

/** Keeps this mapping as the one for the source, by header name, for the next file from it. */
export function rememberMapping(db: VaultDb, source: ImportSource, headers: string[], mapping: ColumnMapping, now: string): void {
  const key = sourceMappingKey(source);
  const current = mappingRows(db, [key])[0];
  // Columns of earlier files that this one lacks are kept (a source's exports differ in what they
  // include), unless their field now comes from another column.
  const fromThisFile = mappingToRemember(headers, mapping);
  const taken = new Set<string>(Object.values(mapping));
  const earlier = Object.entries(current?.mapping ?? {}).filter(([, target]) => !taken.has(target));
  const remembered = { ...Object.fromEntries(earlier), ...fromThisFile };
  saveMappingRow(db, key, remembered, now);
}
