/**
 * What each Word document shows, already decided: the documents domain
 * (`electron/features/documents/`) reads the vault, applies the privacy rules (initials or full
 * names, intern text or not, anonymised cases) and hands these plain models to the builders. A
 * builder only lays out what it is given, so whatever is not in its model cannot leak into a file.
 * Dates are ISO (`yyyy-mm-dd`), times `hh:mm`; builders format them in Dutch.
 */

/** The school's own details as they appear on paper (see `schoolSettings`). */
export interface Letterhead {
  schoolName: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  website: string;
  letterFooter: string;
}

/** The school's logo for the letterhead, as uploaded in Instellingen. */
export interface Logo {
  data: Uint8Array;
  type: 'png' | 'jpg';
  /** Pixel size of the image, to keep its proportions. */
  width: number;
  height: number;
}

/** The letterhead every document starts with. */
export interface DocumentSchool {
  letterhead: Letterhead;
  logo: Logo | null;
}

/** "awo — Anna Wolters"-style labels are made by the domain; builders print them as given. */
export interface MeetingHeading {
  title: string;
  /** Series name, or null for a one-off meeting. */
  seriesName: string | null;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  chair: string | null;
  secretary: string | null;
}

/** The students in a document: how they are named is the domain's choice ("J.d.V., 2B" or "Jesse de Vries, 2B"). */
export type NameStyle = 'initialen' | 'volledig';

// ---------------------------------------------------------------------------------------------
// Agenda

export interface AgendaDocumentItem {
  /** Null for an item that lapsed after the agenda was sent (shown struck through, without number). */
  number: number | null;
  start: string | null;
  /** "Actiepunten", or a case as "J.d.V. (2B)". */
  title: string;
  kind: 'vast' | 'casus' | 'overig';
  /** Staff code of who brings the case in ("awo"), or null. */
  presenter: string | null;
  durationMinutes: number;
  /** Discussed with the core team only (besloten). */
  confidential: boolean;
  /** Guests for this item: "ouders", "leerling", "Kwadraad (jeugdhulp)". No names of family members. */
  guests: string[];
  change: 'toegevoegd' | 'gewijzigd' | 'vervallen' | null;
}

export interface AgendaDocument {
  school: DocumentSchool;
  meeting: MeetingHeading;
  /** "awo — Anna Wolters", "Kwadraad — Els Smit (jeugdhulp)". */
  attendees: string[];
  items: AgendaDocumentItem[];
  nameStyle: NameStyle;
  /** When the agenda was sent; changes after it are marked. */
  sentOn: string | null;
  generatedOn: string;
}

// ---------------------------------------------------------------------------------------------
// Minutes, extract and action list

export interface ActionLine {
  /** "3.2" for the meeting's own actions, "3.2 uit IOT 12-11-2026" for carried ones. */
  number: string;
  what: string;
  /** "awo", "Kwadraad", "Ouders", "Leerling"; null while a concept without holder. */
  holder: string | null;
  /** ISO date, or 'volgende-overleg', or null. */
  due: string | 'volgende-overleg' | null;
  /** "Open", "Gedaan", "Concept", … */
  status: string;
  /** Still open after its date: marked "(over tijd)" beside the date. */
  overdue?: boolean;
}

export interface MinutesParagraph {
  label: string;
  text: string;
  /** Team-only text: printed with an "Intern" mark in the team's minutes and the dossier extract. */
  intern: boolean;
}

export interface MinutesDocumentItem {
  number: number | null;
  title: string;
  kind: 'vast' | 'casus' | 'overig';
  /** Lapsed after sending: listed, with no minutes. */
  lapsed: boolean;
  /** "Besluit: Basisondersteuning", null when none recorded. */
  decision: string | null;
  paragraphs: MinutesParagraph[];
  actions: ActionLine[];
  /** Open actions from earlier meetings discussed under this item. */
  carried: ActionLine[];
}

export interface MinutesAddendum {
  /** ISO instant. */
  at: string;
  author: string;
  itemNumber: number | null;
  text: string;
  intern: boolean;
}

export type MinutesStatus = { kind: 'concept' } | { kind: 'vastgesteld'; on: string; atMeeting: string | null };

export interface Presence {
  present: string[];
  absentWithNotice: string[];
  absent: string[];
  /** Attendance not recorded yet. */
  unknown: string[];
}

export interface MinutesDocument {
  school: DocumentSchool;
  meeting: MeetingHeading;
  status: MinutesStatus;
  presence: Presence;
  items: MinutesDocumentItem[];
  addenda: MinutesAddendum[];
  nameStyle: NameStyle;
  /** The day the actions' "over tijd" marks refer to (the meeting's date); said under the action list. */
  actionsAsOf?: string;
  /**
   * "Leerplicht Utrecht" on an external partner's version (no intern text, cases without their consent anonymised);
   * null for the team's.
   */
  forReader?: string | null;
  generatedOn: string;
}

/** One student's part of one meeting's minutes. */
export interface ExtractDocument {
  school: DocumentSchool;
  /** 'dossier' includes intern text; 'ouders' never does (the domain has removed it already). */
  version: 'dossier' | 'ouders';
  meeting: MeetingHeading;
  status: MinutesStatus;
  student: { name: string; studentNumber: string; className: string };
  /** Who took part, by staff code and name; partners by organisation. */
  presence: Presence;
  item: MinutesDocumentItem;
  addenda: MinutesAddendum[];
  generatedOn: string;
}

export interface ActionListEntry extends ActionLine {
  /** "J.d.V. (2B)" or the full name; null for the team's own actions. */
  student: string | null;
  /** "IOT 12-11-2026". */
  meeting: string;
  overdue: boolean;
}

export interface ActionListDocument {
  school: DocumentSchool;
  /** "Openstaande acties per actiehouder" */
  title: string;
  groupedBy: 'holder' | 'series';
  /** One heading per holder or series, in order. */
  groups: { heading: string; actions: ActionListEntry[] }[];
  nameStyle: NameStyle;
  generatedOn: string;
}

// ---------------------------------------------------------------------------------------------
// Stukken: the accepted intake forms of a meeting

export interface PapersCase {
  /** "Jesse de Vries (2B)", or "Leerling uit leerjaar 2" when anonymised. */
  title: string;
  /** Null when anonymised. */
  studentNumber: string | null;
  anonymised: boolean;
  /** Why it is anonymised: "geen toestemming voor Kwadraad". */
  anonymisedBecause: string | null;
  /** The agenda number and start time of the case, when it is on the agenda. */
  agendaNumber: number | null;
  start: string | null;
  referrer: string | null;
  /** The intake form's answers in the form's order, labels as the form shows them. */
  sections: { label: string; text: string }[];
}

export interface PapersDocument {
  school: DocumentSchool;
  meeting: MeetingHeading;
  cases: PapersCase[];
  generatedOn: string;
}

// ---------------------------------------------------------------------------------------------
// Letters

/** `heading`: a question line of the template ("Wat hebben we besloten?") above the text that answers it. */
export type LetterBlock = { kind: 'paragraph'; text: string; heading?: boolean } | { kind: 'list'; items: string[] };

export interface LetterDocumentLetter {
  /** "Dhr. P. de Vries", "Mevr. S. de Vries-Bakker", "Lindelaan 4", "3512 KL  Utrecht". */
  addressLines: string[];
  /** ISO date of the letter. */
  date: string;
  subject: string;
  /** "Geachte heer De Vries," (the builder adds nothing). */
  salutation: string;
  /** The merged body, placeholders already filled. */
  body: LetterBlock[];
  closing: string;
  signatory: { name: string; role: string };
  /** "Afschrift aan: Dhr. P. de Vries" or, on a copy, "Afschrift van de brief aan Zoë de Vries". */
  copyNote: string | null;
  /** Our reference: "kenmerk" with the leerlingnummer, never a name. */
  reference: string;
}

/** One or more letters, each starting on a new page with the full letterhead. */
export interface LetterDocument {
  school: DocumentSchool;
  title: string;
  letters: LetterDocumentLetter[];
}
