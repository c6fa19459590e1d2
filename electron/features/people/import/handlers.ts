import { readsOnly, type DomainHandlers } from '../../../api/handler-types';
import { now, today } from '../../../shared/clock';
import { detectSource, importSourceLabels, suggestMapping } from './fields';
import { checkedPlan, importProgress, pendingTable, rememberTable, startImport } from './import-jobs';
import { readTable } from './read-table';
import { mappingRememberedFor } from './remembered-mappings';

/** One audit line names at most this many students: the log's insert binds two values per student. */
const AUDITED_STUDENTS = 5000;

/** Import from a Magister or Somtoday export: read the file, map its columns, check, write. */
export const importHandlers: DomainHandlers<'import.analyze' | 'import.preview' | 'import.start' | 'import.progress'> = {
  'import.analyze': readsOnly(async ({ session, db }, input) => {
    const table = await readTable(Buffer.from(input.contentBase64, 'base64'), input.fileName);
    const source = detectSource(table.headers);
    const remembered = mappingRememberedFor(db, source, table.headers);
    return {
      importId: rememberTable(session, table),
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      rowCount: table.rows.length,
      headers: table.headers,
      samples: table.rows.slice(0, 3),
      mapping: remembered?.mapping ?? suggestMapping(table.headers),
      mappingRemembered: remembered !== null,
      source,
      ignored: remembered?.ignored ?? [],
    };
  }),
  'import.preview': ({ session }, input) => {
    const { plan, check } = checkedPlan(session, input.importId, input.mapping, { today: today(), now: now() });
    const { toAdd, toUpdate, unchanged, updates, errors, warnings } = check;
    return { kind: plan.kind, toAdd, toUpdate, unchanged, updates, errors, warnings };
  },
  // Nothing slow to prepare: a commit step, so that the rows go in only after the call and its line are committed.
  'import.start': {
    prepare:
      async (_ctx, input) =>
      ({ backend, session, noteForAudit, afterCommit }) => {
        const source = input.source ?? detectSource(pendingTable(session, input.importId).headers);
        const { jobId, check } = startImport(backend, session, { ...input, source }, { today: today(), now: now() }, afterCommit);
        const picked = input.updates === 'all' ? null : new Set(input.updates);
        const chosen = new Set(check.updates.filter((u) => !picked || picked.has(u.studentNumber)).map((u) => u.studentNumber));
        noteForAudit({
          detail:
            `Import (${importSourceLabels[source]}): ${check.toAdd} nieuw, ${chosen.size} bijgewerkt, ` +
            `${check.toUpdate - chosen.size} niet bijgewerkt, ${check.unchanged} ongewijzigd, ` +
            `${check.errors.length} overgeslagen`,
          // The students whose stored data changes (new ones do not exist yet when this line is written).
          studentIds: check.writes
            .filter((w) => w.studentId && chosen.has(w.studentNumber))
            .map((w) => w.studentId!)
            .slice(0, AUDITED_STUDENTS),
        });
        return { jobId };
      },
  },
  'import.progress': ({ session }, { jobId }) => {
    const { state, done, total, report, error } = importProgress(session, jobId);
    return { state, done, total, report, error };
  },
};
