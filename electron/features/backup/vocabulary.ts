/** The kinds of backup, as stored in a backup's trailer, and how the screens name them. */
export const backupKinds = ['automatic', 'manual', 'safety'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupKindLabels: Record<BackupKind, string> = {
  automatic: 'Automatisch',
  manual: 'Handmatig',
  safety: 'Veiligheidskopie (voor terugzetten)',
};
