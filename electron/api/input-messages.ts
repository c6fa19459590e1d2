import type { z } from 'zod';

/**
 * Bad input gets a Dutch sentence that names the field. A schema's own message ("Vul de roepnaam
 * in.") always wins; this map fills in every rule a schema states without one (a maximum length,
 * a choice from a list, a type), instead of zod's validator text ("Ongeldige invoer", "Te lang:
 * verwacht dat string <=5000 tekens heeft"). The field is named by the last key of the issue's
 * path, as a sentence names it.
 */
export const fieldLabels: Record<string, string> = {
  absenceYears: 'de bewaartermijn bij verzuim',
  active: 'actief',
  anonymousYearLevel: 'het leerjaar',
  answers: 'de antwoorden',
  atMeetingId: 'het overleg',
  attendees: 'de deelnemers',
  audience: 'wie het mag lezen',
  baseRevision: 'de versie',
  before: 'het beginpunt',
  birthDate: 'de geboortedatum',
  body: 'de tekst van de brief',
  builtin: 'vaste vraag',
  caseMinutes: 'de minuten per casus',
  chairId: 'de voorzitter',
  city: 'de plaats',
  className: 'de klas',
  closedOn: 'de afsluitdatum',
  code: 'de code',
  color: 'de kleur',
  command: 'de opdracht',
  confidential: 'vertrouwelijk',
  consentId: 'de toestemming',
  contactName: 'de contactpersoon',
  contentBase64: 'het bestand',
  continueFrom: 'de reeks waarop deze volgt',
  copyToParents: 'een kopie aan de ouders',
  currentPassphrase: 'het huidige wachtwoord',
  date: 'de datum',
  decided: 'besloten',
  decision: 'het besluit',
  destination: 'de bestemming',
  due: 'de deadline',
  durationMinutes: 'de duur',
  email: 'het e-mailadres',
  end: 'de einddatum',
  environmentId: 'de omgeving',
  familyName: 'de achternaam',
  field: 'het veld',
  fileName: 'de naam van het bestand',
  filter: 'het filter',
  firstDate: 'de eerste datum',
  folder: 'de map',
  from: 'de begindatum',
  functions: 'de functies',
  givenName: 'de roepnaam',
  givenOn: 'de datum van de toestemming',
  groupBy: 'de indeling',
  guardianId: 'de ouder of verzorger',
  guests: 'de gasten',
  help: 'de toelichting',
  hidden: 'verborgen',
  holder: 'de houder',
  holderStaffId: 'de houder',
  houseNumber: 'het huisnummer',
  id: 'het nummer',
  importId: 'de import',
  includeWithoutAuthority: 'de ouders zonder gezag die de brief ook krijgen',
  infix: 'het tussenvoegsel',
  informationGiven: 'de gegeven informatie',
  intakeDeadlineSchoolDays: 'de aanmeldtermijn',
  intakeId: 'de aanmelding',
  intervalWeeks: 'het aantal weken tussen de overleggen',
  itemId: 'het agendapunt',
  items: 'de agendapunten',
  jobId: 'de taak',
  key: 'de sleutel van de vraag',
  kind: 'de soort',
  label: 'de vraag',
  leftOn: 'de datum van vertrek',
  letterFooter: 'de voettekst',
  letterSignatoryName: 'de naam van wie ondertekent',
  letterSignatoryRole: 'de functie van wie ondertekent',
  level: 'het niveau',
  limit: 'het aantal',
  location: 'de locatie',
  locked: 'vastgezet',
  mapping: 'de koppeling van de kolommen',
  meetingId: 'het overleg',
  meldcodeCoordinatorAccess: 'de toegang van de coördinator tot de Meldcode',
  mentorId: 'de mentor',
  method: 'de manier',
  mine: 'alleen de mijne',
  minutes: 'de minuten',
  missingReason: 'de reden dat iets ontbreekt',
  moveRule: 'de regel voor verplaatsen',
  name: 'de naam',
  names: 'de weergave van namen',
  newPassphrase: 'het nieuwe wachtwoord',
  note: 'de notitie',
  notes: 'de notities',
  onErrors: 'wat er met fouten gebeurt',
  openedOn: 'de startdatum',
  options: 'de keuzes',
  organisation: 'de organisatie',
  origin: 'de herkomst',
  outcome: 'de uitkomst',
  overdueOnly: 'alleen verlopen',
  parentalAuthority: 'het gezag',
  parentsInformed: 'ouders ingelicht',
  parentsInformedNote: 'de toelichting bij het inlichten van de ouders',
  partnerId: 'de ketenpartner',
  partnerIds: 'de ketenpartners',
  passphrase: 'het wachtwoord',
  path: 'het bestand',
  person: 'de persoon',
  phone: 'het telefoonnummer',
  postalCode: 'de postcode',
  presence: 'de aanwezigheid',
  presenterId: 'wie het inbrengt',
  progress: 'de voortgang',
  purposes: 'de doelen',
  query: 'de zoekterm',
  questions: 'de vragen',
  reason: 'de reden',
  recoveryKey: 'de herstelsleutel',
  referredOn: 'de datum van aanmelding',
  referrerId: 'wie aanmeldt',
  region: 'de vakantieregio',
  relation: 'de relatie',
  replaces: 'wat het vervangt',
  required: 'of de vraag verplicht is',
  revision: 'de versie',
  roles: 'de rollen',
  route: 'de route',
  salutation: 'de aanhef',
  schoolName: 'de naam van de school',
  schoolYear: 'het schooljaar',
  scope: 'de keuze',
  secretaryId: 'de notulist',
  section: 'het onderdeel',
  seen: 'de getoonde versie',
  seriesId: 'de reeks',
  referralSeriesId: 'het overleg waarnaar wordt doorverwezen',
  show: 'wat getoond wordt',
  signer: 'wie ondertekent',
  source: 'de bron',
  specialEducationYears: 'de bewaartermijn bij speciaal onderwijs',
  staffCode: 'de personeelscode',
  staffId: 'de medewerker',
  staffIds: 'de medewerkers',
  start: 'de begindatum',
  startTime: 'de begintijd',
  status: 'de status',
  steps: 'de stappen',
  street: 'de straat',
  studentFileYears: 'de bewaartermijn van het leerlingdossier',
  studentId: 'de leerling',
  studentIds: 'de leerlingen',
  studentNumber: 'het leerlingnummer',
  subject: 'het onderwerp',
  templateId: 'de briefsjabloon',
  text: 'de tekst',
  title: 'de titel',
  to: 'de einddatum',
  toIndex: 'de nieuwe plek',
  until: 'de datum tot wanneer',
  untilCaseClosed: 'tot het einde van de zorg',
  updates: 'de wijzigingen',
  userId: 'de gebruiker',
  userName: 'je naam',
  validUntil: 'de einddatum van de toestemming',
  version: 'de versie',
  website: 'de website',
  weekday: 'de weekdag',
  what: 'wat er moet gebeuren',
  with: 'de manier van openen',
  withdrawnBy: 'wie de toestemming intrekt',
  withdrawnOn: 'de datum van intrekken',
  withExternalPartners: 'met ketenpartners',
  yearLevel: 'het leerjaar',
};

/** Labels that name several things: the verb agrees ("De vragen zijn …"). */
const plural = new Set([
  'absenceYears',
  'answers',
  'attendees',
  'caseMinutes',
  'functions',
  'guests',
  'items',
  'minutes',
  'names',
  'notes',
  'options',
  'includeWithoutAuthority',
  'partnerIds',
  'purposes',
  'questions',
  'roles',
  'specialEducationYears',
  'staffIds',
  'steps',
  'studentFileYears',
  'studentIds',
  'updates',
]);

/** Raw issue as zod hands it to an error map (before it gets its message). */
type RawIssue = z.core.$ZodRawIssue;

/** How a sentence names the field at `path` (the last named key): "de roepnaam". */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string | null {
  const key = lastKey(path);
  return key !== undefined && Object.hasOwn(fieldLabels, key) ? fieldLabels[key]! : null;
}

const lastKey = (path: readonly PropertyKey[] | undefined) =>
  [...(path ?? [])].reverse().find((part): part is string => typeof part === 'string');
const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
const dateFormats = new Set(['date', 'datetime', 'iso_date', 'iso_datetime']);

/** The Dutch sentence for an issue a schema gave no message of its own. */
export function dutchIssueMessage(issue: RawIssue): string {
  if (issue.code === 'unrecognized_keys') return `De invoer bevat een onbekend veld (${issue.keys.join(', ')}).`;
  // Not an object at all: only a broken caller sends that, no form does.
  if (!issue.path?.length) return 'De invoer is niet geldig.';
  const named = fieldLabel(issue.path) ?? 'dit veld';
  // One element of a list: "Een van de functies moet …".
  const element = typeof issue.path[issue.path.length - 1] === 'number';
  const label = element ? `een van ${named}` : named;
  const many = !element && plural.has(lastKey(issue.path) ?? '');
  const [is, must, holds, may] = many ? ['zijn', 'moeten', 'bevatten', 'mogen'] : ['is', 'moet', 'bevat', 'mag'];
  const Label = capitalised(label);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return `Vul ${label} in.`;
      if (issue.expected === 'string') return `${Label} ${must} een tekst zijn.`;
      if (issue.expected === 'number' || issue.expected === 'int') return `${Label} ${must} een getal zijn.`;
      if (issue.expected === 'boolean') return `Kies ja of nee bij ${label}.`;
      if (issue.expected === 'array') return `${Label} ${must} een lijst zijn.`;
      return `${Label} ${is} niet goed ingevuld.`;
    case 'invalid_value':
      return `Kies een van de mogelijkheden bij ${label}.`;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${Label} ${is} te lang (maximaal ${max} tekens).`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${Label} ${holds} te veel onderdelen (maximaal ${max}).`;
      if (issue.origin === 'date') return `${Label} ${is} te laat.`;
      return issue.inclusive ? `${Label} ${may} niet groter zijn dan ${max}.` : `${Label} ${must} kleiner zijn dan ${max}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? `Vul ${label} in.` : `${Label} ${is} te kort (minstens ${min} tekens).`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? `Kies minstens één bij ${label}.` : `${Label} ${holds} te weinig onderdelen (minstens ${min}).`;
      if (issue.origin === 'date') return `${Label} ${is} te vroeg.`;
      return issue.inclusive ? `${Label} ${must} minstens ${min} zijn.` : `${Label} ${must} groter zijn dan ${min}.`;
    }
    case 'invalid_format':
      if (dateFormats.has(issue.format)) return `${Label} ${is} geen geldige datum.`;
      if (issue.format === 'time' || issue.format === 'iso_time') return `${Label} ${is} geen geldige tijd.`;
      if (issue.format === 'email') return `${Label} ${is} geen geldig e-mailadres.`;
      if (issue.format === 'base64' || issue.format === 'base64url') return `${Label} kon niet gelezen worden.`;
      return `${Label} ${is} niet goed ingevuld.`;
    case 'not_multiple_of':
      return `${Label} ${must} een veelvoud van ${Number(issue.divisor)} zijn.`;
    default:
      return `${Label} ${is} niet goed ingevuld.`;
  }
}
