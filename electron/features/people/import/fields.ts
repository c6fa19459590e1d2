import { vocabulary } from '../../../shared/vocabulary';

/**
 * What a column can be imported as, with the header names Magister and Somtoday use for it.
 * Guardian fields exist for two guardians side by side (g1, g2); a file with one row per guardian
 * uses g1 only.
 */
export const studentFields = {
  studentNumber: {
    label: 'Leerlingnummer',
    synonyms: ['stamnr', 'stamnummer', 'leerlingnummer', 'leerlingnr', 'llnr', 'llnnr', 'studentnummer', 'nummer'],
  },
  givenName: { label: 'Roepnaam', synonyms: ['roepnaam', 'voornaam', 'roepnaamleerling', 'voornaamleerling'] },
  infix: {
    label: 'Tussenvoegsel',
    synonyms: [
      'tussenvoegsel',
      'tussenvoegsels',
      'tussenv',
      'tv',
      'voorvoegsel',
      'voorvoegsels',
      'voorv',
      'tussenvoegselleerling',
      'voorvoegselleerling',
    ],
  },
  familyName: { label: 'Achternaam', synonyms: ['achternaam', 'naam', 'achternaamleerling', 'geslachtsnaam'] },
  birthDate: {
    label: 'Geboortedatum',
    synonyms: ['geboortedatum', 'gebdatum', 'gebdat', 'geboren', 'geboortedatumleerling'],
  },
  className: { label: 'Klas', synonyms: ['klas', 'stamklas', 'klasnaam', 'stamgroep', 'groep', 'basisgroep'] },
  yearLevel: { label: 'Leerjaar', synonyms: ['leerjaar', 'jaar', 'jaarlaag'] },
  level: { label: 'Niveau', synonyms: ['niveau', 'opleiding', 'leerweg', 'afdeling', 'studie', 'profiel'] },
  mentorCode: { label: 'Mentor (code)', synonyms: ['mentor', 'mentorcode', 'coach', 'mentoren'] },
} as const;

export const guardianFields = {
  givenName: { label: 'Voornaam/voorletters', synonyms: ['voornaam', 'voorletters', 'roepnaam', 'voorletter'] },
  infix: {
    label: 'Tussenvoegsel',
    synonyms: ['tussenvoegsel', 'tussenvoegsels', 'tussenv', 'tv', 'voorvoegsel', 'voorvoegsels', 'voorv'],
  },
  familyName: { label: 'Achternaam', synonyms: ['achternaam', 'naam', 'geslachtsnaam'] },
  relation: { label: 'Relatie', synonyms: ['relatie', 'relatietot', 'relatietotleerling', 'soort', 'type', 'rol'] },
  parentalAuthority: {
    label: 'Gezag',
    synonyms: ['gezag', 'ouderlijkgezag', 'wettelijkvertegenwoordiger', 'gezaghebbend'],
  },
  street: { label: 'Straat', synonyms: ['straat', 'straatnaam', 'adres'] },
  houseNumber: { label: 'Huisnummer', synonyms: ['huisnummer', 'huisnr', 'nr', 'nummer'] },
  postalCode: { label: 'Postcode', synonyms: ['postcode', 'pc'] },
  city: { label: 'Plaats', synonyms: ['plaats', 'woonplaats', 'stad'] },
  email: { label: 'E-mail', synonyms: ['email', 'emailadres', 'mail', 'e-mail'] },
  phone: { label: 'Telefoon', synonyms: ['telefoon', 'telefoonnummer', 'tel', 'mobiel', 'telnr', 'mobielnummer'] },
  salutation: {
    label: 'Aanhef',
    synonyms: ['aanhef', 'briefaanhef', 'aanhefbrief', 'aanspreekvorm', 'aanspreektitel'],
  },
} as const;

export type StudentField = keyof typeof studentFields;
export type GuardianField = keyof typeof guardianFields;
export type GuardianSlot = 'g1' | 'g2';
export type TargetField = `student.${StudentField}` | `${GuardianSlot}.${GuardianField}`;
/** Column index (as text, for JSON) → target field; columns not in it are ignored. */
export type ColumnMapping = Record<string, TargetField>;

export const targetFieldOptions: { value: TargetField; label: string; group: string }[] = [
  ...Object.entries(studentFields).map(([k, f]) => ({
    value: `student.${k}` as TargetField,
    label: f.label,
    group: 'Leerling',
  })),
  ...(['g1', 'g2'] as const).flatMap((slot, i) =>
    Object.entries(guardianFields).map(([k, f]) => ({
      value: `${slot}.${k}` as TargetField,
      label: `${f.label} (ouder/verzorger ${i + 1})`,
      group: `Ouder/verzorger ${i + 1}`,
    })),
  ),
];

export function isTargetField(value: string): value is TargetField {
  return targetFieldOptions.some((o) => o.value === value);
}

const GUARDIAN_WORDS = /(ouder|verzorger|ouders|verzorgers|voogd|moeder|vader|gezagsdrager|contactpersoon|resp)/g;

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The fields only a guardian has: a bare header naming one (e.g. "Relatie") is the first guardian's. */
const guardianOnly = (Object.keys(guardianFields) as GuardianField[]).filter((k) => !(k in studentFields));

/** The field among `keys` whose synonyms hold the normalised header. */
function fieldNamed<F extends string>(
  fields: Record<F, { synonyms: readonly string[] }>,
  header: string,
  keys = Object.keys(fields) as F[],
): F | undefined {
  return keys.find((k) => fields[k].synonyms.includes(header));
}

/** Suggests a target for each header from its name; each target is used at most once. */
export function suggestMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<TargetField>();
  headers.forEach((header, index) => {
    const norm = normalizeHeader(header);
    const mentionsGuardian = norm.match(GUARDIAN_WORDS) !== null;
    const slot: GuardianSlot = /2/.test(norm) && mentionsGuardian ? 'g2' : 'g1';
    const bare = norm.replace(GUARDIAN_WORDS, '').replace(/[12]/g, '');
    let target: TargetField | undefined;
    if (mentionsGuardian) {
      const field = fieldNamed(guardianFields, bare);
      // "Ouder 1" alone usually holds the full name: the family name is the safest guess.
      target = field ? `${slot}.${field}` : bare === '' ? `${slot}.familyName` : undefined;
    } else {
      const studentField = fieldNamed(studentFields, norm);
      if (studentField) target = `student.${studentField}`;
      else {
        const field = fieldNamed(guardianFields, norm, guardianOnly);
        if (field) target = `g1.${field}`;
      }
    }
    if (target && !used.has(target)) {
      used.add(target);
      mapping[String(index)] = target;
    }
  });
  return mapping;
}

/** Identifies a file layout: how mappings were remembered before they were remembered per source. */
export function headerSignature(headers: string[]): string {
  return headers.map(normalizeHeader).join('|');
}

export const [importSources, importSourceLabels] = vocabulary({
  magister: 'Magister',
  somtoday: 'Somtoday',
  eigen: 'Eigen bestand',
});
export type ImportSource = (typeof importSources)[number];

/** Header names only one of the two systems writes; anything else is the school's own file. */
const SOURCE_MARKS: Record<Exclude<ImportSource, 'eigen'>, RegExp> = {
  magister: /^(stamnr|stamnummer|tussenv|studie|gebdat|ouder[12].*|verzorger[12].*|lesperiode|profielcode)$/,
  somtoday: /^(leerlingnummer|stamgroep|voorvoegsel|relatietotleerling|plaatsing|vestiging|.*ouder)$/,
};

/** Which system exported a file, from its header names. */
export function detectSource(headers: string[]): ImportSource {
  const score = (source: Exclude<ImportSource, 'eigen'>) => headers.filter((h) => SOURCE_MARKS[source].test(normalizeHeader(h))).length;
  const magister = score('magister');
  const somtoday = score('somtoday');
  if (magister === 0 && somtoday === 0) return 'eigen';
  return magister >= somtoday ? 'magister' : 'somtoday';
}

/** The key a source's mapping is remembered under in import_mappings. */
export const sourceMappingKey = (source: ImportSource) => `bron:${source}`;

/**
 * A mapping as remembered for a source: by header name, not position, so the next export from that
 * source with its columns in another order (or one more) still gets it. "" = knowingly not imported.
 */
export function mappingToRemember(headers: string[], mapping: ColumnMapping): Record<string, string> {
  return Object.fromEntries(headers.map((h, i) => [normalizeHeader(h), mapping[String(i)] ?? '']));
}

/**
 * A remembered mapping applied to this file's headers. Columns the source never had before get the
 * suggestion from their name, when that field is still free.
 */
export function rememberedMapping(headers: string[], remembered: Record<string, string>): { mapping: ColumnMapping; ignored: string[] } {
  const mapping: ColumnMapping = {};
  const ignored: string[] = [];
  const used = new Set<string>();
  headers.forEach((h, i) => {
    const target = remembered[normalizeHeader(h)];
    if (target === '') ignored.push(String(i));
    else if (target !== undefined && isTargetField(target) && !used.has(target)) {
      mapping[String(i)] = target;
      used.add(target);
    }
  });
  for (const [column, target] of Object.entries(suggestMapping(headers))) {
    const known = normalizeHeader(headers[Number(column)]!) in remembered;
    if (!known && !used.has(target)) {
      mapping[column] = target;
      used.add(target);
    }
  }
  return { mapping, ignored };
}

/** Columns nobody decided about: not mapped and not knowingly left out. The wizard warns about each. */
export function unmappedColumns(
  headers: string[],
  mapping: ColumnMapping,
  ignored: readonly string[],
): { column: string; header: string }[] {
  return headers
    .map((header, i) => ({ column: String(i), header }))
    .filter(({ column }) => !(column in mapping) && !ignored.includes(column));
}
