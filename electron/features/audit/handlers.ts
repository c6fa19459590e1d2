import Papa from 'papaparse';
import { format, parseISO } from 'date-fns';
import type { DomainHandlers } from '../../api/handler-types';
import type { VaultDb } from '../../../db/open';
import { requireFilterIds } from './filter-ids';
import { hiddenMethodsFor } from './line-readers';
import { auditEntries, type AuditQuery } from './store';
import { auditLabel } from './vocabulary';
import { today } from '../../shared/clock';

/** Calendar days as the coordinator means them (the school's time zone) to the instants stored. */
function instants(filter: Pick<AuditQuery, 'from' | 'to'>) {
  const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString();
  const endOf = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();
  return { fromInstant: filter.from ? startOf(filter.from) : null, toInstant: filter.to ? endOf(filter.to) : null };
}

/** The lines this reader may see: a Meldcode line only for those with Meldcode access (line-readers.ts). */
function entriesOf(db: VaultDb, readerId: string, query: Omit<AuditQuery, 'hiddenMethods'>) {
  const { entries, more } = auditEntries(db, {
    ...query,
    ...instants(query),
    hiddenMethods: hiddenMethodsFor(db, readerId),
  });
  return { entries: entries.map((e) => ({ ...e, label: auditLabel(e.method) })), more };
}

/** The whole filtered log in one file: a coordinator's export is capped to keep it a spreadsheet. */
const EXPORT_LIMIT = 50_000;

export const auditHandlers: DomainHandlers<'audit.list' | 'audit.export'> = {
  // Coordinators only: the contract's roles table, applied by the dispatcher.
  'audit.list': ({ db, session }, { filter, before, limit }) => {
    requireFilterIds(db, filter);
    return entriesOf(db, session.user.id, { ...filter, before, limit });
  },

  'audit.export': ({ db, session, noteForAudit }, { filter }) => {
    requireFilterIds(db, filter);
    const { entries } = entriesOf(db, session.user.id, { ...filter, before: null, limit: EXPORT_LIMIT });
    const rows = entries.map((e) => ({
      Tijdstip: format(parseISO(e.at), 'dd-MM-yyyy HH:mm:ss'),
      Gebruiker: e.userName ?? e.userId,
      Gebeurtenis: e.label,
      Details: e.detail ?? '',
      Leerlingen: e.students.map((s) => `${s.name}${s.className ? ` (${s.className})` : ''}`).join(', '),
    }));
    // escapeFormulae: a name starting with "=" must stay text in Excel, not become a formula.
    const csv = Papa.unparse(rows, {
      delimiter: ';',
      escapeFormulae: true,
      newline: '\r\n',
      columns: ['Tijdstip', 'Gebruiker', 'Gebeurtenis', 'Details', 'Leerlingen'],
    });
    const fileName = `logboek-${today()}.csv`;
    noteForAudit({
      detail: `${entries.length} regels → ${fileName}`,
      studentIds: filter.studentId ? [filter.studentId] : [],
    });
    return { fileName, contentBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64') };
  },
};
