import type { VaultDb } from '../../../db/open';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { now, today } from '../../shared/clock';
import { ageOn, consentIsComplete, consentCovers } from '../consent/rules';
import { consentCases, consentRows, endConsentsUntilCaseClosed, meldcodeTrackOf, toConsentRecord } from '../consent/store';
import { attachmentsOfIntakes } from '../files/store';
import { meetingForCases, meetingsBetweenForCases, requireMeeting, seriesForCases, type MeetingForCases } from '../meetings/store';
import { requirePartners, requireStaff, studentExists, studentRow, studentsById } from '../people/store';
import { getSeries } from '../schedule/store';
import { maySeeMeldcode, requireRole, rolesOf } from '../settings/roles';
import { staffIdOfUser } from '../settings/store';
import { consentForInformation, gateIsSettled, withExternals } from './case-consent';
import { linkCaseEverywhere } from './link-hooks';
import { formProblems, submitProblems, type IntakeAnswers } from './form';
import {
  currentForm,
  formVersion,
  getIntake,
  insertIntake,
  intakeRows,
  removeIntake,
  saveFormVersion,
  saveIntakeDraft,
  setIntakeStatus,
  updateIntakeCase,
  type IntakeRow,
} from './store';
import { editable, meetingRef, rowsView, statusWords } from './view';

/** The meetings an intake can be for: from today until a year from now. */
const aYearFrom = (from: string) => `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`;

function studentAgeFor(db: VaultDb, intake: IntakeRow, meeting: MeetingForCases | null): number | null {
  if (!intake.studentId) return null;
  const birthDate = studentsById(db, [intake.studentId]).get(intake.studentId)?.birthDate;
  return birthDate ? ageOn(birthDate, meeting?.date ?? today()) : null;
}

/** The first meeting of the series (from today) whose intake deadline has not passed. */
function defaultMeeting(db: VaultDb, seriesId: string | null): string | null {
  if (!seriesId) return null;
  const from = today();
  const upcoming = meetingsBetweenForCases(db, from, aYearFrom(from), seriesId);
  return upcoming.find((m) => (m.intakeDeadline ?? m.date) >= from)?.id ?? null;
}

/** A concept goes away only by whoever began it, or by the coordinator; intakes.get tells the screen. */
function mayRemove(intake: IntakeRow, userId: string, roles: readonly string[]): boolean {
  return intake.status === 'concept' && (intake.createdBy === userId || roles.includes('coordinator'));
}

function refuseEditing(intake: IntakeRow) {
  if (!editable.includes(intake.status)) {
    throw new AppError('VALIDATION', `Deze aanmelding is ${statusWords[intake.status]} en kan niet meer worden gewijzigd.`);
  }
}

/** The aanmelder and the meeting a draft names exist (else the foreign key fails as an internal error). */
function requireDraftIds(db: VaultDb, draft: { referrerId: string | null; meetingId: string | null }): void {
  requireStaff(db, [draft.referrerId], 'De gekozen aanmelder', 'referrerId');
  if (draft.meetingId) requireMeeting(db, draft.meetingId, 'meetingId');
}

type Draft = {
  id: string;
  revision: number;
  referrerId: string | null;
  referredOn: string | null;
  meetingId: string | null;
  answers: IntakeAnswers;
};

function saveDraft(db: VaultDb, current: IntakeRow, draft: Draft, extra: Partial<IntakeRow> = {}): number {
  const revision = saveIntakeDraft(db, draft.id, draft.revision, {
    referrerId: draft.referrerId,
    referredOn: draft.referredOn ?? undefined,
    meetingId: draft.meetingId,
    answers: draft.answers,
    // A way forward chosen for one meeting's partners says nothing about another meeting.
    ...(draft.meetingId !== current.meetingId ? { gateRoutes: {} } : {}),
    ...extra,
  });
  if (revision === null) {
    throw new AppError(
      'CONFLICT',
      'Iemand anders heeft deze aanmelding intussen opgeslagen. Jouw tekst staat nog op het scherm; ' +
        'kopieer wat je wilt bewaren en laad de nieuwste versie.',
    );
  }
  return revision;
}

export const intakeHandlers: DomainHandlers<
  | 'intakes.list'
  | 'intakes.get'
  | 'intakes.create'
  | 'intakes.saveDraft'
  | 'intakes.submit'
  | 'intakes.decide'
  | 'intakes.setStatus'
  | 'intakes.setGateRoute'
  | 'intakes.linkStudent'
  | 'intakes.remove'
  | 'intakes.meetingOptions'
  | 'intakes.consentWorklist'
  | 'intakeForm.get'
  | 'intakeForm.save'
> = {
  'intakes.list': ({ db, session }, input) => {
    // A filter on something that is gone is an error, not an empty list that looks like "nothing yet".
    if (input.meetingId) requireMeeting(db, input.meetingId);
    if (input.studentId) studentRow(db, input.studentId);
    const rows = intakeRows(db, { ...input, createdBy: input.mine ? session.user.id : null });
    return rowsView(db, rows, session.user.id).map((r) => r.view);
  },
  'intakes.get': ({ db, session }, { id }) => {
    const intake = getIntake(db, id);
    const [detail] = rowsView(db, [intake], session.user.id);
    const roles = rolesOf(db, session.user.id);
    const meeting = detail!.meeting;
    return {
      ...detail!.view,
      revision: intake.revision,
      anonymousLabel: intake.anonymousLabel,
      referrerId: intake.referrerId,
      referredOn: intake.referredOn,
      seriesId: intake.seriesId,
      meetingId: intake.meetingId,
      formVersion: intake.formVersionId,
      questions: formVersion(db, intake.formVersionId),
      answers: intake.answers as IntakeAnswers,
      returnReason: intake.returnReason,
      studentAge: studentAgeFor(db, intake, meeting),
      attachments: attachmentsOfIntakes(db, [id]),
      gate: detail!.consent.gate,
      consentForInformation:
        intake.studentId && meeting && !withExternals(meeting) ? consentForInformation(db, intake.studentId, meeting.date) : [],
      hasMeldcodeTrack: intake.studentId !== null && maySeeMeldcode(db, session.user.id) && meldcodeTrackOf(db, intake.studentId) !== null,
      canEdit: editable.includes(intake.status),
      canDecide: roles.includes('coordinator'),
      canRemove: mayRemove(intake, session.user.id, roles),
    };
  },
  'intakes.create': ({ db, session }, input) => {
    if (input.studentId && !studentExists(db, input.studentId)) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
    if (input.seriesId) getSeries(db, input.seriesId);
    const form = currentForm(db, session.user.id);
    return {
      id: insertIntake(db, {
        studentId: input.studentId,
        anonymousLabel: input.anonymousYearLevel ? `leerling uit leerjaar ${input.anonymousYearLevel}` : null,
        referrerId: staffIdOfUser(db, session.user.id),
        referredOn: today(),
        seriesId: input.seriesId,
        meetingId: defaultMeeting(db, input.seriesId),
        status: 'concept',
        formVersionId: form.version,
        answers: {},
        gateRoutes: {},
        createdBy: session.user.id,
      }),
    };
  },
  'intakes.saveDraft': ({ db }, draft) => {
    const intake = getIntake(db, draft.id);
    requireDraftIds(db, draft);
    refuseEditing(intake);
    return { revision: saveDraft(db, intake, draft), savedAt: now() };
  },
  'intakes.submit': ({ db, session }, draft) => {
    const intake = getIntake(db, draft.id);
    requireDraftIds(db, draft);
    refuseEditing(intake);
    const meeting = draft.meetingId ? meetingForCases(db, draft.meetingId) : null;
    const fields = submitProblems(
      formVersion(db, intake.formVersionId),
      draft,
      studentAgeFor(db, intake, meeting),
      meeting?.date ?? null,
      today(),
    );
    const count = Object.keys(fields).length;
    if (count > 0) {
      // Whatever was typed is kept: the draft is saved before the form is refused.
      saveDraft(db, intake, draft);
      throw new AppError(
        'INCOMPLETE',
        count === 1 ? 'Er ontbreekt nog één verplicht veld.' : `Er ontbreken nog ${count} verplichte velden.`,
        fields,
      );
    }
    const at = now();
    return {
      revision: saveDraft(db, intake, draft, {
        status: 'ingediend',
        submittedAt: at,
        returnReason: null,
        statusChangedBy: session.user.id,
        statusChangedAt: at,
      }),
    };
  },
  'intakes.decide': ({ db, session }, { id, decision, reason }) => {
    const intake = getIntake(db, id);
    if (decision === 'accept' && intake.status !== 'ingediend')
      throw new AppError('VALIDATION', 'Alleen een ingediende aanmelding kan worden geaccepteerd.');
    if (decision === 'return' && !['ingediend', 'geaccepteerd'].includes(intake.status)) {
      throw new AppError('VALIDATION', 'Alleen een ingediende of geaccepteerde aanmelding kan worden teruggestuurd.');
    }
    if (decision === 'accept' && !intake.meetingId) throw new AppError('VALIDATION', 'Kies eerst het overleg waarvoor deze aanmelding is.');
    setIntakeStatus(db, id, decision === 'accept' ? 'geaccepteerd' : 'teruggestuurd', session.user.id, {
      returnReason: decision === 'return' ? reason : null,
      decidedAt: now(),
      decidedBy: session.user.id,
    });
    return null;
  },
  'intakes.setStatus': ({ db, session }, { id, status }) => {
    const intake = getIntake(db, id);
    if (status === 'besproken' && intake.status !== 'geaccepteerd')
      throw new AppError('VALIDATION', 'Alleen een geaccepteerde aanmelding kan besproken zijn.');
    if (status === 'afgesloten' && intake.status === 'concept')
      throw new AppError('VALIDATION', 'Een concept sluit je niet af; verwijder het als het niet meer nodig is.');
    if (status === 'besproken') {
      // The gate holds here: a named case without consent is discussed only along a recorded way forward.
      const [detail] = rowsView(db, [intake], session.user.id);
      if (!gateIsSettled(detail!.consent)) {
        throw new AppError(
          'VALIDATION',
          `Deze leerling kan nog niet met naam besproken zijn: ${detail!.consent.summary.label}. ` +
            'Leg eerst toestemming vast of kies per partner hoe de bespreking verloopt.',
        );
      }
    }
    setIntakeStatus(db, id, status, session.user.id);
    if (status === 'afgesloten' && intake.studentId) endConsentsUntilCaseClosed(db, intake.studentId, today());
    return null;
  },
  'intakes.setGateRoute': ({ db, session }, { id, partnerId, route }) => {
    // The coordinator chooses the way forward; the aandachtsfunctionaris may also cite the Meldcode.
    const mayCiteMeldcode = route === 'meldcode' && maySeeMeldcode(db, session.user.id);
    if (!mayCiteMeldcode) requireRole(db, session.user.id, 'coordinator', 'een uitzondering op de toestemming vastleggen');
    const intake = getIntake(db, id);
    requirePartners(db, [partnerId]);
    if (!intake.studentId) throw new AppError('VALIDATION', 'Een anonieme aanmelding heeft geen toestemming nodig.');
    let meldcodeTrackId: string | null = null;
    if (route === 'meldcode') {
      const track = maySeeMeldcode(db, session.user.id) ? meldcodeTrackOf(db, intake.studentId) : null;
      if (!track) {
        throw new AppError(
          'VALIDATION',
          'Er is geen Meldcode-traject voor deze leerling dat jij mag zien. De aandachtsfunctionaris legt het eerst vast.',
        );
      }
      meldcodeTrackId = track.id;
    }
    const routes = { ...intake.gateRoutes };
    if (route === null) delete routes[partnerId];
    else routes[partnerId] = { route, meldcodeTrackId };
    updateIntakeCase(db, id, { gateRoutes: routes });
    return null;
  },
  'intakes.linkStudent': ({ db, noteForAudit }, { id, studentId }) => {
    const intake = getIntake(db, id);
    const person = consentCases(db, [studentId]).get(studentId);
    if (!person) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
    if (intake.studentId) throw new AppError('VALIDATION', 'Deze aanmelding hoort al bij een leerling.');
    const meeting = intake.meetingId ? meetingForCases(db, intake.meetingId) : null;
    if (meeting && meeting.partners.length > 0) {
      const date = meeting.date < today() ? today() : meeting.date;
      const checks = consentCovers(consentRows(db, [studentId]).map(toConsentRecord), person, {
        date,
        partners: meeting.partners,
      });
      if (!consentIsComplete(checks)) {
        const missing = checks
          .filter((c) => c.status !== 'ok')
          .map((c) => `${c.partnerName}${c.missing.length ? ` (${c.missing.map((m) => m.signer.name).join(', ')})` : ''}`);
        throw new AppError('VALIDATION', `Eerst toestemming vastleggen: die ontbreekt nog voor ${missing.join('; ')}.`);
      }
    }
    updateIntakeCase(db, id, { studentId, anonymousLabel: null });
    // Its history goes along: agenda items, minutes, decisions and actions of the case.
    const moved = linkCaseEverywhere(db, { intakeId: id, studentId, studentName: person.student.name });
    const withWhat = moved.length ? `, met ${moved.join(' en ')}` : '';
    noteForAudit({
      detail: `anonieme aanmelding (${intake.anonymousLabel ?? 'zonder label'}) gekoppeld${withWhat}`,
      studentIds: [studentId],
    });
    return null;
  },
  'intakes.remove': ({ db, session }, { id }) => {
    const intake = getIntake(db, id);
    if (intake.status !== 'concept')
      throw new AppError('VALIDATION', 'Alleen een concept kan worden verwijderd; een ingediende aanmelding wordt afgesloten.');
    if (!mayRemove(intake, session.user.id, rolesOf(db, session.user.id))) {
      throw new AppError('FORBIDDEN', 'Alleen wie dit concept begon (of de coördinator) kan het verwijderen.');
    }
    removeIntake(db, id);
    return null;
  },
  'intakes.meetingOptions': ({ db }, { seriesId }) => {
    if (seriesId) getSeries(db, seriesId);
    const from = today();
    const until = aYearFrom(from);
    return {
      series: seriesForCases(db),
      meetings: meetingsBetweenForCases(db, from, until, seriesId).map((m) => ({
        ...meetingRef(m),
        seriesId: m.seriesId,
        deadlinePassed: m.intakeDeadline !== null && m.intakeDeadline < from,
      })),
    };
  },
  'intakes.consentWorklist': ({ db, session }) => {
    const from = today();
    const until = aYearFrom(from);
    const meetings = meetingsBetweenForCases(db, from, until).filter((m) => m.partners.length > 0);
    const cases = meetings.flatMap((m) => intakeRows(db, { status: null, meetingId: m.id, studentId: null, createdBy: null }));
    const open = cases.filter((c) => c.studentId !== null && ['ingediend', 'geaccepteerd', 'teruggestuurd', 'concept'].includes(c.status));
    const views = rowsView(db, open, session.user.id);
    return meetings
      .map((m) => ({
        ...meetingRef(m),
        cases: views
          .filter((v) => v.row.meetingId === m.id)
          .map((v) => ({
            intakeId: v.row.id,
            studentId: v.row.studentId!,
            caseName: v.view.caseName,
            className: v.view.className,
            status: v.row.status,
            checks: v.consent.gate.filter((g) => g.status !== 'ok' && g.route === null),
          }))
          .filter((c) => c.checks.length > 0),
      }))
      .filter((m) => m.cases.length > 0);
  },
  'intakeForm.get': ({ db, session }) => currentForm(db, session.user.id),
  'intakeForm.save': ({ db, session }, { questions }) => {
    const problems = formProblems(questions);
    const first = Object.values(problems)[0];
    if (first) throw new AppError('VALIDATION', first, problems);
    return { version: saveFormVersion(db, questions, session.user.id) };
  },
};
