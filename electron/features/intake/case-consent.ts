import type { VaultDb } from '../../../db/open';
import { partners } from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { consentCases, consentRows, toConsentRecord } from '../consent/store';
import { consentCovers, type ConsentPartner, type PartnerConsent } from '../consent/rules';
import { partnerConsentView } from '../consent/view';
import type { MeetingForCases } from '../meetings/store';
import type { IntakeRow } from './store';

/**
 * The consent gate for cases: per external partner at the meeting, may this student be discussed
 * by name, and if not, which way forward the coordinator chose. Checks many cases in one go (a
 * meeting of 30 cases reads the register once).
 */

export type GateRoute = 'anoniem' | 'meldcode' | 'partner-verlaat';
export interface GateEntry extends ReturnType<typeof partnerConsentView> {
  route: GateRoute | null;
}

export interface CaseConsent {
  gate: GateEntry[];
  summary: { state: 'ok' | 'missing' | 'refused' | 'intern' | 'anoniem' | 'route' | 'geen-overleg'; label: string };
}

const routeLabels: Record<GateRoute, string> = {
  anoniem: 'anoniem',
  meldcode: 'Meldcode',
  'partner-verlaat': 'partner verlaat het overleg',
};

function summarize(intake: IntakeRow, meeting: MeetingForCases | null, gate: GateEntry[]): CaseConsent['summary'] {
  if (intake.studentId === null) return { state: 'anoniem', label: 'Anoniem: geen toestemming nodig' };
  if (!meeting) return { state: 'geen-overleg', label: 'Nog geen overleg gekozen' };
  if (meeting.partners.length === 0) return { state: 'intern', label: 'Intern overleg: geen toestemming nodig' };
  const open = gate.filter((g) => g.status !== 'ok');
  if (open.length === 0) return { state: 'ok', label: 'Toestemming compleet' };
  if (open.every((g) => g.route !== null)) {
    return { state: 'route', label: open.map((g) => `${g.partnerName}: ${routeLabels[g.route!]}`).join('; ') };
  }
  const describe = (g: GateEntry) => `${g.partnerName}${g.missing.length ? ` (${g.missing.map((m) => m.name).join(', ')})` : ''}`;
  const refused = open.filter((g) => g.status === 'refused' && g.route === null);
  if (refused.length > 0) return { state: 'refused', label: `Geweigerd of ingetrokken: ${refused.map(describe).join('; ')}` };
  return { state: 'missing', label: `Ontbreekt: ${open.filter((g) => g.route === null).map(describe).join('; ')}` };
}

export function caseConsents(db: VaultDb, cases: IntakeRow[], meetings: Map<string, MeetingForCases>): Map<string, CaseConsent> {
  const studentIds = [...new Set(cases.flatMap((c) => (c.studentId ? [c.studentId] : [])))];
  const people = consentCases(db, studentIds);
  const register = consentRows(db, studentIds).map(toConsentRecord);
  const result = new Map<string, CaseConsent>();
  for (const intake of cases) {
    const meeting = intake.meetingId ? (meetings.get(intake.meetingId) ?? null) : null;
    const person = intake.studentId ? people.get(intake.studentId) : undefined;
    const checks: PartnerConsent[] = meeting && person ? consentCovers(register, person, meeting) : [];
    const gate = checks.map((c) => ({ ...partnerConsentView(c), route: (intake.gateRoutes[c.partnerId]?.route as GateRoute | undefined) ?? null }));
    result.set(intake.id, { gate, summary: summarize(intake, meeting, gate) });
  }
  return result;
}

/** For an internal meeting: what the register covers for each of the school's active partners. */
export function consentForInformation(db: VaultDb, studentId: string, date: string): ReturnType<typeof partnerConsentView>[] {
  const person = consentCases(db, [studentId]).get(studentId);
  if (!person) return [];
  const all: ConsentPartner[] = db
    .select({ id: partners.id, name: partners.organisation, kind: partners.kind })
    .from(partners)
    .where(eq(partners.active, true))
    .all();
  return consentCovers(consentRows(db, [studentId]).map(toConsentRecord), person, { date, partners: all }).map(partnerConsentView);
}
