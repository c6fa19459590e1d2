/**
 * The layer order, bottom first: a file may import files of its own layer and of layers below it,
 * never above. One array for the backend and one for the renderer; the layer test checks the
 * imports against them and the architecture document's picture is drawn from them.
 */

/** The domains in the order they build on each other, infrastructure first, outputs last; and what each owns. */
export const domains = [
  ['audit', 'the logboek: one line per call, who may read which line'],
  ['vault', 'the environment: key slots, unlock, passphrases, key rotation'],
  ['settings', 'the school, users and their roles, the switches'],
  ['backup', 'automatic and manual .zobackup files, restore'],
  ['people', 'students, guardians, staff, partners, the import, the timeline'],
  ['disclosure', 'who may read what: the policy per audience, the name scrubber'],
  ['files', 'attachments, encrypted in the vault'],
  ['schedule', 'series, the year plan, days off, meeting dates, iCalendar'],
  ['meetings', 'a meeting and its attendees: planned by the schedule, written here, read by the later domains'],
  ['consent', 'toestemming: who must consent, records, tracks, the Meldcode'],
  ['intake', 'aanmeldformulieren, the form editor, acceptance'],
  ['agenda', 'the items of a meeting and the cases on it'],
  ['minutes', 'notulen, decisions, actions and their holders'],
  ['documents', 'the Word files of a meeting, through the disclosure policy'],
  ['presentation', 'the projector view of a meeting'],
  ['letters', 'templates, letters to parents, who gets which'],
  ['retention', 'bewaartermijnen, erasure and its ledger'],
  ['inzage', "a student's file as the law lets parents and student read it"],
  ['demo', 'the demo school, built through every domain'],
] as const;

export const domainOrder = domains.map(([name]) => name);

export interface Layer {
  name: string;
  /** Which repository paths belong to it. */
  holds: (path: string) => boolean;
  /** One line for the architecture document. */
  says: string;
}

const under = (prefix: string) => (path: string) => path.startsWith(prefix);

export const backendLayers: readonly Layer[] = [
  { name: 'shared', holds: under('electron/shared/'), says: 'dates, the clock, plain text: no domain knowledge' },
  { name: 'db', holds: under('db/'), says: 'schema, migrations, opening an encrypted vault' },
  { name: 'security', holds: under('electron/security/'), says: 'the content security policy' },
  { name: 'export', holds: under('electron/export/'), says: 'Word builders: styles once, small parts' },
  {
    name: 'api',
    holds: under('electron/api/'),
    says: 'errors, the call context, handler types',
  },
  ...domains.map(([domain, owns]) => ({ name: domain, holds: under(`electron/features/${domain}/`), says: owns })),
  {
    name: 'app',
    // The contract's assembly and the dispatcher join every domain, so they sit above them all.
    holds: under('electron/app/'),
    says: 'the contract, the roles table, the handler table, the dispatcher',
  },
  {
    name: 'shell',
    holds: (path) => /^electron\/[^/]+\.ts$/.test(path),
    says: 'Electron main, preload, the browser host',
  },
];

export const rendererLayers: readonly Layer[] = [
  { name: 'renderer/api', holds: under('renderer/api/'), says: 'the typed client and its transports' },
  { name: 'renderer/components', holds: under('renderer/components/'), says: 'shared UI pieces' },
  ...domainOrder
    .filter((domain) => domain !== 'demo' && domain !== 'meetings' && domain !== 'disclosure')
    .map((domain) => ({
      name: `renderer/${domain}`,
      holds: under(`renderer/features/${domain}/`),
      says: `screens of ${domain}`,
    })),
  {
    name: 'renderer/app',
    holds: (path) => path.startsWith('renderer/app/') || path === 'renderer/main.tsx',
    says: 'providers, router, layout',
  },
];

/**
 * What the renderer may import from electron/: the contract's types, vocabularies and pure rules
 * that the screens show or check before a call. Nothing that opens a file, a database or a key.
 */
export const rendererMayImport: readonly string[] = [
  'electron/app/contract.ts',
  'electron/app/method-roles.ts',
  'electron/shared/dutch-dates.ts',
  'electron/shared/date-rules.ts',
  'electron/shared/clock.ts',
  'electron/shared/clock-time.ts',
  'electron/shared/registry.ts',
  'electron/shell-settings.ts',
  'electron/features/agenda/vocabulary.ts',
  'electron/features/agenda/template.ts',
  'electron/features/backup/vocabulary.ts',
  'electron/features/consent/vocabulary.ts',
  'electron/features/consent/rules.ts',
  'electron/features/files/attachment-rules.ts',
  'electron/features/intake/form.ts',
  'electron/features/intake/gate-routes.ts',
  'electron/features/letters/letter-values.ts',
  'electron/features/letters/placeholder-catalogue.ts',
  'electron/features/letters/template-merge.ts',
  'electron/features/letters/template-syntax.ts',
  'electron/features/minutes/vocabulary.ts',
  'electron/features/minutes/rules.ts',
  'electron/features/people/vocabulary.ts',
  'electron/features/people/rules.ts',
  'electron/features/people/names.ts',
  'electron/features/people/import/fields.ts',
  'electron/features/retention/vocabulary.ts',
  'electron/features/schedule/vocabulary.ts',
  'electron/features/schedule/types.ts',
  'electron/features/schedule/meeting-day.ts',
  'electron/features/settings/vocabulary.ts',
];

export function layerOf(layers: readonly Layer[], path: string): number {
  return layers.findIndex((layer) => layer.holds(path));
}

/**
 * The layer order as a Mermaid picture, bottom to top: an arrow points from a layer to the one
 * that may build on it; the renderer's domains follow the backend's order and are drawn as one.
 * docs/architecture.md holds this text; a test keeps the two the same.
 */
export function layerPicture(): string {
  const id = (name: string) => name.replace(/[^a-z]/g, '_');
  const renderer = [
    ...rendererLayers.filter(
      (layer) => !layer.name.startsWith('renderer/') || ['renderer/api', 'renderer/components'].includes(layer.name),
    ),
    { name: 'renderer/features', says: 'screens per domain, in the same order' },
    rendererLayers.at(-1)!,
  ];
  const chain = (layers: readonly Pick<Layer, 'name' | 'says'>[]) => [
    ...layers.map((layer) => `  ${id(layer.name)}["${layer.name}: ${layer.says}"]`),
    ...layers.slice(1).map((layer, i) => `  ${id(layers[i]!.name)} --> ${id(layer.name)}`),
  ];
  return [
    'flowchart BT',
    ...chain(backendLayers),
    ...chain(renderer),
    `  ${id('renderer/api')} -. "window.api.invoke" .-> ${id('app')}`,
  ].join('\n');
}
