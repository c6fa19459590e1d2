import type { VaultDb } from '../../../db/open';
import { guestPartners } from '../disclosure/policy';
import { caseConsents, gateIsSettled } from '../intake/case-consent';
import { intakesById } from '../intake/store';
import { meetingsForCases } from '../meetings/store';
import { AppError } from '../../api/errors';
import { agendaKeepers } from './vocabulary';
import { maySeeMeldcode, requireOneOfRoles, rolesOf } from '../settings/roles';
import { agendaMinutes, itemNumbers, startTimes } from './template';
import { agendaItemsOf, meetingRecord, referringCases, seriesNeighbour, type AgendaItemRow, type MeetingRecord } from './store';
import { attendeesOf, familiesOf } from './store-presence';
import type { MeetingState } from './vocabulary';
import { activePartners, staffById, studentsById } from '../people/store';

/** Coordinator, chair and secretary keep the agenda and the minutes: the roles table's keepers. */
export const mayKeepAgenda = (db: VaultDb, userId: string) => rolesOf(db, userId).some((r) => agendaKeepers.includes(r));

export function requireKeeper(db: VaultDb, userId: string, doing: string): void {
  requireOneOfRoles(db, userId, [...agendaKeepers], doing);
}

/** Minutes that are vastgesteld, with their agenda, no longer change: corrections are addenda. */
export function refuseFixed(meeting: { minutesFixedAt: string | null }): void {
  if (meeting.minutesFixedAt) throw new AppError('MINUTES_FIXED');
}

export function meetingState(m: { progress: MeetingRecord['progress']; minutesFixedAt: string | null }): MeetingState {
  return m.minutesFixedAt ? 'vastgesteld' : m.progress;
}

/** Names and classes of the cases on an agenda; an anonymous case keeps its label. */
export function caseNames(db: VaultDb, items: AgendaItemRow[]) {
  const students = studentsById(
    db,
    items.flatMap((i) => (i.studentId ? [i.studentId] : [])),
  );
  return new Map(
    items.map((i) => {
      const student = i.studentId ? students.get(i.studentId) : undefined;
      return [
        i.id,
        { caseName: student?.name ?? i.caseLabel ?? null, className: student?.className ?? (i.caseLabel ? '' : null) },
      ] as const;
    }),
  );
}

/**
 * The agenda of one meeting as the meeting page shows it: numbered, with start times, the
 * inbrenger and, per case, the consent gate at this meeting (from the register and the routes
 * the coordinator chose on the intake), so a warning stays on the item until it is settled.
 */
export function agendaView(db: VaultDb, meetingId: string, userId: string) {
  return agendaViewOf(db, meetingRecord(db, meetingId), agendaItemsOf(db, meetingId), userId);
}

/** The same, from the meeting and items the caller read already (the minutes build on it). */
export function agendaViewOf(db: VaultDb, meeting: MeetingRecord, items: AgendaItemRow[], userId: string) {
  const meetingId = meeting.id;
  const staff = staffById(db);
  const names = caseNames(db, items);
  const numbers = itemNumbers(items);
  const starts = startTimes(meeting.startTime, items);
  const cases = items.filter((i) => i.kind === 'casus' && i.studentId);
  const intakes = intakesById(
    db,
    cases.flatMap((i) => (i.intakeId ? [i.intakeId] : [])),
  );
  const gateRoutes = new Map(
    cases.flatMap((i) => (i.intakeId && intakes.has(i.intakeId) ? [[i.id, intakes.get(i.intakeId)!.gateRoutes] as const] : [])),
  );
  // An item with an external guest is an external discussion for that item, whatever the meeting.
  const known = cases.some((i) => i.guests.some((g) => g.kind === 'partner')) ? activePartners(db) : [];
  const consents = caseConsents(
    db,
    cases.map((i) => ({
      id: i.id,
      studentId: i.studentId,
      meetingId,
      gateRoutes: gateRoutes.get(i.id) ?? {},
      guestPartners: guestPartners(i.guests, known),
    })),
    meetingsForCases(db, [meetingId]),
    maySeeMeldcode(db, userId),
  );
  const personOf = (id: string | null) => {
    const s = id ? staff.get(id) : undefined;
    return s ? { id: s.id, name: s.name, code: s.code } : null;
  };
  // Parents and the student come for their own case only: listed on it, not among the attendees.
  const families = familiesOf(
    db,
    meetingId,
    cases.filter((i) => i.change !== 'vervallen').map((i) => i.studentId!),
  );
  const referrals = referringCases(
    db,
    items.flatMap((i) => (i.referredFromItemId ? [i.referredFromItemId] : [])),
  );
  const previous = seriesNeighbour(db, meeting, 'previous');
  const next = seriesNeighbour(db, meeting, 'next');
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      date: meeting.date,
      startTime: meeting.startTime,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location,
      seriesId: meeting.seriesId,
      seriesName: meeting.seriesName,
      color: meeting.color,
      chair: personOf(meeting.chairId),
      secretary: personOf(meeting.secretaryId),
      progress: meeting.progress,
      state: meetingState(meeting),
      agendaSentAt: meeting.agendaSentAt,
      minutesFixedAt: meeting.minutesFixedAt,
      caseMinutes: meeting.caseMinutes,
    },
    attendees: attendeesOf(db, meetingId),
    items: items.map((item, index) => {
      const consent = consents.get(item.id);
      return {
        id: item.id,
        number: numbers[index] ?? null,
        start: starts[index]!,
        kind: item.kind,
        title: item.title,
        studentId: item.studentId,
        ...names.get(item.id)!,
        intakeId: item.intakeId,
        origin: item.origin,
        referredFrom: item.referredFromItemId ? (referrals.get(item.referredFromItemId) ?? null) : null,
        presenter: personOf(item.presenterId),
        durationMinutes: item.durationMinutes,
        confidential: item.confidential,
        guests: item.guests,
        family: item.kind === 'casus' && item.studentId && item.change !== 'vervallen' ? (families.get(item.studentId) ?? []) : [],
        change: item.change,
        consent: consent
          ? {
              ...consent.summary,
              blocking: !gateIsSettled(consent),
              partners: consent.gate.map((g) => ({
                partnerId: g.partnerId,
                named: g.status === 'ok',
                leaves: g.leaves,
              })),
            }
          : null,
      };
    }),
    agendaMinutes: agendaMinutes(items),
    previous: previous
      ? {
          id: previous.id,
          title: previous.title,
          date: previous.date,
          minutesFixedAt: previous.minutesFixedAt,
          progress: previous.progress,
        }
      : null,
    next: next ? { id: next.id, title: next.title, date: next.date } : null,
    canEditAgenda: mayKeepAgenda(db, userId) && !meeting.minutesFixedAt,
  };
}
