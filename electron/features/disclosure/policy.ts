import { staffCodesAsNames, type StaffCode } from '../people/staff-codes';
import type { PartnerKind } from '../people/vocabulary';
import { allBut, everybody, knowing, nobody, onlyThese, scrubberOf, type NameIndex, type Readers, type Scrub } from './scrubber';

/**
 * Who may read what, decided here for every channel (the projector, every Word document, letters,
 * the inzage, CSV exports). Pure: a channel says who its reader is (an audience) and hands over
 * the case; this module answers whether the case is named, shown anonymised or left out, whether
 * intern text goes, and which students' (and families') names may stay in free text. The scrubber
 * (scrubber.ts) then replaces every other identifier with [naam].
 *
 * The audiences (domain.md, "Who may read what"):
 * - everyone at the table (the agenda and the stukken, sent to every attendee): a case the gate
 *   does not let through for everyone is anonymised, and with externals no other student is named;
 * - the team: everything of the meeting, intern text marked; a case without consent for everyone
 *   at the table keeps its initials and loses its name in the text too (the notulen travel);
 * - an external partner: only cases whose consent covers that partner; others anonymised (no
 *   name, initials, number, class, referrer) or left out (besloten, or the partner left the room),
 *   never intern text, only the items the partner was at;
 * - the parents of S, and S: only S's part, only text marked "mag naar ouders", staff by name;
 * - the projector: initials unless the chair switched names on (never for a case without consent),
 *   no intern text, no other student's or any parent's name, only the current item with guests;
 * - a named export about S (the dossier extract, the inzage): everything about S, other people shielded.
 */

export type Audience =
  | { kind: 'team' }
  | { kind: 'table'; externals: boolean }
  | {
      kind: 'partner';
      partnerId: string;
      /** The items the partner was at: null for the whole meeting. */ items: ReadonlySet<string> | null;
    }
  | { kind: 'parents'; studentId: string }
  | { kind: 'student'; studentId: string }
  | { kind: 'projector'; showNames: boolean }
  | { kind: 'file'; studentId: string };

/** The consent gate's answer for one case at one meeting (the agenda view carries it). */
export interface CaseGate {
  state: string;
  /** Per external partner in the room for this item: may the case be named to them, or did they leave for it. */
  partners?: { partnerId: string; named: boolean; leaves: boolean }[];
}

/** A case as the policy needs it. */
export interface CaseFacts {
  id: string;
  kind: string;
  studentId: string | null;
  confidential: boolean;
  consent: CaseGate | null;
}

/** How a case appears to a reader: by name (as the style asks), by initials only, anonymised, or not at all. */
export type CaseShown = 'named' | 'initials' | 'anonymised' | 'left-out';

/** The gate lets the case through for everyone in the room (or the meeting is internal). */
export const namedForAll = (consent: CaseGate | null) => consent === null || consent.state === 'ok' || consent.state === 'intern';

const ownCase = (audience: { studentId: string }, item: CaseFacts) => item.studentId === audience.studentId;

export function caseShown(audience: Audience, item: CaseFacts): CaseShown {
  switch (audience.kind) {
    case 'team':
      return namedForAll(item.consent) ? 'named' : 'initials';
    case 'table':
      return item.studentId === null ? 'anonymised' : namedForAll(item.consent) ? 'named' : 'anonymised';
    case 'projector':
      return audience.showNames && namedForAll(item.consent) ? 'named' : 'initials';
    case 'partner': {
      if (audience.items !== null && !audience.items.has(item.id)) return 'left-out';
      if (item.confidential) return 'left-out';
      const gate = item.consent?.partners?.find((p) => p.partnerId === audience.partnerId);
      if (gate?.leaves) return 'left-out';
      if (item.studentId === null) return 'anonymised';
      return gate?.named === true ? 'named' : 'anonymised';
    }
    case 'parents':
    case 'student':
    case 'file':
      return ownCase(audience, item) ? 'named' : 'left-out';
  }
}

/** How a case's family at its item (the parents, the student) is listed among those present. */
export type FamilyShown = 'named' | 'by-role' | 'left-out';

/**
 * The parents and the student came for their own case. A reader of that child's own part (the
 * parents, the student, the dossier) reads them by name; any other reader only where they may read
 * that family's names (readersOf) and the document names the student in full; elsewhere by role
 * ("moeder van J.d.V. (2B)"), so a family name never says more than the case's title does; and
 * not at all where the case does not reach the reader.
 */
export function familyShown(audience: Audience, item: CaseFacts, cases: CaseFacts[], style: 'initialen' | 'volledig'): FamilyShown {
  const shown = caseShown(audience, item);
  if (shown === 'left-out' || item.studentId === null) return 'left-out';
  if (audience.kind === 'parents' || audience.kind === 'student' || audience.kind === 'file') return 'named';
  return shown === 'named' && style === 'volledig' && readersOf(audience, cases).family(item.studentId) ? 'named' : 'by-role';
}

/** Whether a non-case item (opening, rondvraag, a topic) reaches this reader. */
export function itemShown(audience: Audience, item: Pick<CaseFacts, 'id' | 'confidential'>): boolean {
  if (audience.kind === 'partner') return !item.confidential && (audience.items === null || audience.items.has(item.id));
  return audience.kind === 'team' || audience.kind === 'table' || audience.kind === 'projector';
}

/** Team-only text (paragraphs, actions, addenda marked intern) goes to the team and into the student's own file. */
export const internGoes = (audience: Audience) => audience.kind === 'team' || audience.kind === 'file';

/** Whether text marked `marked` reaches this reader. */
export const textGoes = (audience: Audience, marked: 'intern' | 'ouders') => marked === 'ouders' || internGoes(audience);

/** Staff by their code for the team, by name for anyone who does not know the codes. */
export const staffBy = (audience: Audience): 'code' | 'name' => (audience.kind === 'team' ? 'code' : 'name');

/**
 * Whose names may stay in the free text of these cases for this reader. For the team: everyone
 * but the cases not named for all at the table. For a partner: the cases named to them. For a
 * family or an inzage: that student and their family. For the projector: the current case when
 * its name is shown, nobody's family.
 */
export function readersOf(audience: Audience, cases: CaseFacts[], current?: CaseFacts): Readers {
  const withStudent = (c: CaseFacts) => c.kind === 'casus' && c.studentId !== null;
  switch (audience.kind) {
    case 'team':
      return allBut(cases.filter((c) => withStudent(c) && !namedForAll(c.consent)).map((c) => c.studentId!));
    case 'table':
      // Externals at the whole meeting: only the cases named to all. Internal (an item's guest aside): all but the anonymised.
      return audience.externals
        ? onlyThese(
            cases.filter((c) => withStudent(c) && caseShown(audience, c) === 'named').map((c) => c.studentId!),
            true,
          )
        : allBut(cases.filter((c) => withStudent(c) && caseShown(audience, c) !== 'named').map((c) => c.studentId!));
    case 'partner':
      return onlyThese(
        cases.filter((c) => withStudent(c) && caseShown(audience, c) === 'named').map((c) => c.studentId!),
        true,
      );
    case 'projector':
      return current && withStudent(current) && caseShown(audience, current) === 'named' ? onlyThese([current.studentId!], false) : nobody;
    case 'parents':
    case 'student':
    case 'file':
      return onlyThese([audience.studentId], true);
  }
}

/**
 * Free text for the parents of S (and S from 16), in every parents' document and letter: staff
 * codes become the colleagues' names (parents do not know codes: "terugkoppelen aan bgr" is
 * "terugkoppelen aan Bram Groen"), then every identifier of another child or family becomes
 * [naam]. `named`: the colleagues the same document names in full (the letter's contact, the
 * actions' holders, those present), whose name written alone stays (scrubber.ts, `knowing`).
 */
export function familyText(index: NameIndex, studentId: string, staff: readonly StaffCode[], named: readonly string[] = []): Scrub {
  const scrub = scrubberOf(index, knowing(readersOf({ kind: 'parents', studentId }, []), named));
  return (text) => scrub(staffCodesAsNames(text, staff));
}

/**
 * Free text in a named export about S (the inzage, read by S or the parents): S and their family
 * by name, every other student and family [naam], staff codes as the colleagues' names.
 */
export function fileText(index: NameIndex, studentId: string, staff: readonly StaffCode[]): Scrub {
  const scrub = scrubberOf(index, readersOf({ kind: 'file', studentId }, []));
  return (text) => scrub(staffCodesAsNames(text, staff));
}

/** A team list (the actielijst) that says it holds "initialen en klas" holds no full name in its texts either. */
export const listReaders = (style: 'initialen' | 'volledig'): Readers => (style === 'volledig' ? everybody : nobody);

/** The label of a case that may not be named: "Leerling uit leerjaar 2" — no name, initials, number or class. */
export function anonymousLabel(yearLevel: number | null | undefined, fallback?: string | null): string {
  const label = fallback ?? (yearLevel ? `leerling uit leerjaar ${yearLevel}` : 'leerling');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

// ---------------------------------------------------------------------------------------------
// External guests on one item

export interface KnownPartner {
  id: string;
  name: string;
  kind: PartnerKind;
}

const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();

/**
 * The external partners a guest list brings into the room for one item. A guest of kind 'partner'
 * is matched to a partner of the school by organisation (or its kind: "leerplicht"); one that
 * matches none is an external all the same, for whom no consent can be on record: the case is
 * then not named to them, which cannot leak.
 */
export function guestPartners(guests: { kind: string; name: string }[], partners: KnownPartner[]): KnownPartner[] {
  const found = new Map<string, KnownPartner>();
  for (const guest of guests) {
    if (guest.kind !== 'partner') continue;
    const name = folded(guest.name);
    const match =
      partners.find((p) => folded(p.name) === name) ??
      partners.find((p) => name.includes(folded(p.name)) || (name.length >= 4 && folded(p.name).includes(name))) ??
      partners.find((p) => name.split(/[^\p{L}]+/u).includes(p.kind));
    const partner = match ?? { id: `gast:${name}`, name: guest.name, kind: 'anders' as const };
    found.set(partner.id, partner);
  }
  return [...found.values()];
}

/** An external partner who reads a meeting's minutes: at the whole meeting, or a guest on some items. */
export interface PartnerReader {
  partnerId: string;
  name: string;
  /** The items they were at; null for the whole meeting. */
  items: string[] | null;
}

/**
 * The external partners a meeting's minutes have a version for: those at the table (not marked
 * absent) and those who were a guest on an item, only for those items.
 */
export function partnerReaders(
  attendees: { person: string; kind: string; name: string; presence: string | null }[],
  items: { id: string; guests: { kind: string; name: string }[]; change: string | null }[],
  known: KnownPartner[],
): PartnerReader[] {
  const readers = new Map<string, PartnerReader>();
  for (const a of attendees) {
    if (a.kind !== 'partner' || a.presence === 'afwezig' || a.presence === 'afwezig-met-bericht') continue;
    const partnerId = a.person.replace(/^partner:/, '');
    readers.set(partnerId, { partnerId, name: known.find((p) => p.id === partnerId)?.name ?? a.name, items: null });
  }
  for (const item of items) {
    if (item.change === 'vervallen') continue;
    for (const partner of guestPartners(item.guests, known)) {
      const reader = readers.get(partner.id) ?? { partnerId: partner.id, name: partner.name, items: [] };
      if (reader.items !== null) reader.items.push(item.id);
      readers.set(partner.id, reader);
    }
  }
  return [...readers.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
