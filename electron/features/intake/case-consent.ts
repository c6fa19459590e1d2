import type { VaultDb } from '../../../db/open';
import { consentCases, consentRows, toConsentRecord } from '../consent/store';
import { consentCovers, type PartnerConsent } from '../consent/rules';
import { partnerConsentView } from '../consent/view';
import type { MeetingForCases } from '../meetings/store';
import { gateRouteLabels, shownRoute, type GateRoute, type ShownGateRoute } from './gate-routes';
import type { IntakeRow } from './store';
import { activePartners } from '../people/store';

/**
 * The consent gate for cases: per external partner at the meeting, may this student be discussed
 * by name, and if not, which way forward the coordinator chose. Checks many cases in one go (a
 * meeting of 30 cases reads the register once).
 */

export interface GateEntry extends ReturnType<typeof partnerConsentView> {
  route: ShownGateRoute | null;
  /** The partner leaves the room for this case (read from the route itself: disclosure needs it whoever asks). */
  leaves: boolean;
}

export interface CaseConsent {
  gate: GateEntry[];
  summary: { state: 'ok' | 'missing' | 'refused' | 'intern' | 'anoniem' | 'route' | 'geen-overleg'; label: string };
}

/** A meeting with externals at the table, or planned to have them. */
export const withExternals = (meeting: MeetingForCases) => meeting.partners.length > 0 || meeting.withExternalPartners;

/** A case to check: an intake, or an agenda item of a student at a meeting. */
export type ConsentCase = Pick<IntakeRow, 'id' | 'studentId' | 'meetingId' | 'gateRoutes'> & {
  /** Externals in the room for this case only (an item's guests): the gate checks them too. */
  guestPartners?: MeetingForCases['partners'];
};

/** The meeting as one case meets it: with its item's external guests at the table. */
function withGuests(meeting: MeetingForCases | null, guests: MeetingForCases['partners'] | undefined): MeetingForCases | null {
  if (!meeting || !guests || guests.length === 0) return meeting;
  return {
    ...meeting,
    partners: [...meeting.partners, ...guests.filter((g) => !meeting.partners.some((p) => p.id === g.id))],
  };
}

function summarize(intake: ConsentCase, meeting: MeetingForCases | null, gate: GateEntry[]): CaseConsent['summary'] {
  if (intake.studentId === null) return { state: 'anoniem', label: 'Anoniem: geen toestemming nodig' };
  if (!meeting) return { state: 'geen-overleg', label: 'Nog geen overleg gekozen' };
  if (!withExternals(meeting)) return { state: 'intern', label: 'Intern overleg: geen toestemming nodig' };
  // Externals take part but nobody chose which: the gate cannot pass a named case yet.
  if (meeting.partners.length === 0) return { state: 'missing', label: 'Kies eerst welke externe partners bij dit overleg aanschuiven' };
  const open = gate.filter((g) => g.status !== 'ok');
  if (open.length === 0) return { state: 'ok', label: 'Toestemming compleet' };
  if (open.every((g) => g.route !== null)) {
    return { state: 'route', label: open.map((g) => `${g.partnerName}: ${gateRouteLabels[g.route!]}`).join('; ') };
  }
  const describe = (g: GateEntry) => `${g.partnerName}${g.missing.length ? ` (${g.missing.map((m) => m.name).join(', ')})` : ''}`;
  const refused = open.filter((g) => g.status === 'refused' && g.route === null);
  if (refused.length > 0) return { state: 'refused', label: `Geweigerd of ingetrokken: ${refused.map(describe).join('; ')}` };
  return {
    state: 'missing',
    label: `Ontbreekt: ${open
      .filter((g) => g.route === null)
      .map(describe)
      .join('; ')}`,
  };
}

/**
 * `meldcodeVisible`: whether this user may see the Meldcode. For others every recorded route reads
 * as 'uitzondering' (see shownRoute), since even the existence of a track is Meldcode information.
 */
export function caseConsents(
  db: VaultDb,
  cases: ConsentCase[],
  meetings: Map<string, MeetingForCases>,
  meldcodeVisible: boolean,
): Map<string, CaseConsent> {
  const studentIds = [...new Set(cases.flatMap((c) => (c.studentId ? [c.studentId] : [])))];
  const people = consentCases(db, studentIds);
  const register = consentRows(db, studentIds).map(toConsentRecord);
  const result = new Map<string, CaseConsent>();
  for (const intake of cases) {
    const meeting = withGuests(intake.meetingId ? (meetings.get(intake.meetingId) ?? null) : null, intake.guestPartners);
    const person = intake.studentId ? people.get(intake.studentId) : undefined;
    const checks: PartnerConsent[] = meeting && person ? consentCovers(register, person, meeting) : [];
    const gate = checks.map((c) => {
      const route = (intake.gateRoutes[c.partnerId]?.route as GateRoute | undefined) ?? null;
      return {
        ...partnerConsentView(c),
        route: shownRoute(route, meldcodeVisible),
        leaves: route === 'partner-verlaat',
      };
    });
    result.set(intake.id, { gate, summary: summarize(intake, meeting, gate) });
  }
  return result;
}

/** For an internal meeting: what the register covers for each of the school's active partners. */
export function consentForInformation(db: VaultDb, studentId: string, date: string): ReturnType<typeof partnerConsentView>[] {
  const person = consentCases(db, [studentId]).get(studentId);
  if (!person) return [];
  return consentCovers(consentRows(db, [studentId]).map(toConsentRecord), person, {
    date,
    partners: activePartners(db),
  }).map(partnerConsentView);
}

/** Every partner that is not OK has a way forward: the case may be discussed. */
export const gateIsSettled = (consent: CaseConsent) => consent.summary.state !== 'missing' && consent.summary.state !== 'refused';
