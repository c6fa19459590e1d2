import type { VaultDb } from '../../../db/open';
import type { MeetingForCases } from '../meetings/store';
import { registry } from '../../shared/registry';
import { ddmmyyyy } from './rules';

/**
 * Which partners the consent form offers to take over when no meeting with external partners
 * falls within ten weeks (the form then has nothing to tick): those of the meeting the student was
 * handed in for, else the default partners of that meeting's series (or of the series the intake
 * names, for a meeting by appointment). The rule is written here once; the screen only shows it.
 */

/** Where a student's case was handed in for, most relevant first (an open case before a closed one, newer before older). */
export interface CaseDestination {
  meetingId: string | null;
  seriesId: string | null;
}

/**
 * Intakes and minutes are built on consent: the intake domain registers where a student's cases
 * were handed in for, the minutes where they were referred to, so this domain imports neither.
 */
export type CaseDestinations = (db: VaultDb, studentId: string) => CaseDestination[];
const destinations = registry<CaseDestinations>();

export function registerCaseDestinations(domain: string, source: CaseDestinations): void {
  destinations.register(domain, source);
}

/** A later domain's destinations are later steps of the case (a referral after the intake): they come first. */
export function caseDestinationsOf(db: VaultDb, studentId: string): CaseDestination[] {
  return destinations
    .entries()
    .reverse()
    .flatMap((source) => source(db, studentId));
}

/**
 * When the school has one series with external partners (its FlexZAT), that is where a case goes
 * when it goes out of school: it comes last, after every step the case itself has taken. A
 * student without any case gets no offer.
 */
export function withOnlyPartnerSeries(cases: readonly CaseDestination[], partnerSeries: readonly string[]): CaseDestination[] {
  return partnerSeries.length === 1 && cases.length > 0 ? [...cases, { meetingId: null, seriesId: partnerSeries[0]! }] : [...cases];
}

export interface PartnerOffer {
  /** "ZAT 12-03-2027" (the meeting) or "ZAT" (its series): the button says "Partners van … overnemen". */
  label: string;
  partners: { id: string; name: string }[];
}

type Partners = MeetingForCases['partners'];

/**
 * `upcoming`: meetings with partners within ten weeks (the form ticks the first one's partners
 * itself, so nothing is offered); `meetings` and `series` hold what `cases` refer to.
 */
export function partnerOffer(
  upcoming: readonly MeetingForCases[],
  cases: readonly CaseDestination[],
  meetings: ReadonlyMap<string, MeetingForCases>,
  series: ReadonlyMap<string, { name: string; partners: Partners }>,
): PartnerOffer | null {
  if (upcoming.some((m) => m.partners.length > 0)) return null;
  const list = (partners: Partners) => partners.map(({ id, name }) => ({ id, name }));
  for (const c of cases) {
    const meeting = c.meetingId ? meetings.get(c.meetingId) : undefined;
    if (meeting && meeting.partners.length > 0)
      return { label: `${meeting.title} ${ddmmyyyy(meeting.date)}`, partners: list(meeting.partners) };
    const seriesId = meeting?.seriesId ?? c.seriesId;
    const ofSeries = seriesId ? series.get(seriesId) : undefined;
    if (ofSeries && ofSeries.partners.length > 0) return { label: ofSeries.name, partners: list(ofSeries.partners) };
  }
  return null;
}
