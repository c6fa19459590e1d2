/**
 * Imports that still run against the layer order (tests/helpers/layer-order.ts), from before the
 * order was checked. Each is to be removed by moving code, never added to: the layer test fails on
 * an arrow that is not here, and on one here that is gone.
 */

export const knownBackArrows: readonly string[] = [
  'electron/api/context.ts -> electron/features/vault/kdf.ts',
  'electron/api/handler-types.ts -> electron/api/contract.ts',
  'electron/features/audit/filter-ids.ts -> electron/features/people/store.ts',
  'electron/features/audit/filter-ids.ts -> electron/features/settings/store.ts',
  'electron/features/vault/handlers.ts -> electron/features/settings/roles.ts',
  'renderer/features/agenda/MeetingPage.tsx -> renderer/features/documents/DocumentsMenu.tsx',
  'renderer/features/agenda/MeetingPage.tsx -> renderer/features/minutes/AddendumModal.tsx',
  'renderer/features/agenda/MeetingPage.tsx -> renderer/features/minutes/ItemMinutes.tsx',
  'renderer/features/agenda/MeetingPage.tsx -> renderer/features/minutes/ShortcutsOverlay.tsx',
  'renderer/features/agenda/MeetingPage.tsx -> renderer/features/presentation/ConsolePage.tsx',
  'renderer/features/agenda/queries.ts -> renderer/features/minutes/queries.ts',
  'renderer/features/audit/AuditPanel.tsx -> renderer/features/people/StudentPicker.tsx',
  'renderer/features/minutes/ActionsPage.tsx -> renderer/features/documents/DocumentsMenu.tsx',
  'renderer/features/people/StudentPage.tsx -> renderer/features/inzage/InzageButton.tsx',
  'renderer/features/people/StudentPage.tsx -> renderer/features/retention/DestinationSelect.tsx',
  'renderer/features/settings/SchoolSettingsForm.tsx -> renderer/features/consent/queries.ts',
  'renderer/features/settings/UsersPanel.tsx -> renderer/features/consent/queries.ts',
  'renderer/features/settings/UsersPanel.tsx -> renderer/features/people/queries.ts',
];

export const knownCycles: readonly string[] = [
  'renderer/features/people/import/CheckStep.tsx ~ renderer/features/people/import/FileStep.tsx ~ renderer/features/people/import/ImportWizard.tsx ~ renderer/features/people/import/MappingStep.tsx',
];

/** Modules the renderer imports that pull in a database or Node package (bundled needlessly). */
export const knownImpure: readonly string[] = [
  'db/schema/people.ts imports drizzle-orm/sqlite-core',
  'db/schema/retention.ts imports drizzle-orm/sqlite-core',
  'electron/features/backup/schemas.ts imports node:path',
];
