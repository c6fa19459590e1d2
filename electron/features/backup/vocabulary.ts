import { vocabulary } from '../../shared/vocabulary';

/** The kinds of backup, as stored in a backup's trailer, and how the screens name them. */
export const [backupKinds, backupKindLabels] = vocabulary({
  automatic: 'Automatisch',
  manual: 'Handmatig',
  safety: 'Veiligheidskopie (voor terugzetten)',
});
export type BackupKind = (typeof backupKinds)[number];
