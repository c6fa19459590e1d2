import type { VaultDb } from '../../../db/open';
import type { z } from 'zod';
import { readsOnly, type DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { localDate, today } from '../../shared/clock';
import { agendaView } from '../agenda/view';
import { meetingStillAhead } from '../schedule/meeting-day';
import { longDate } from '../../shared/dutch-dates';
import { fullName } from '../people/names';
import { registerTimelineSource } from '../people/timeline';
import { requireGuardians, requireStudents } from '../people/store';
import { addresseesOf, letterCases, type LetterCase } from './facts';
import { letterProgress, lettersPerAddress, previewLetters, startLetters, type LetterRun } from './letter-jobs';
import { letterValues } from './letter-values';
import { emptyContactFields } from './template-merge';
import { templateProblems } from './template-syntax';
import { lettersEraser, lettersOfStudent, removeTemplateRow, saveTemplateRow } from './store';
import type { lettersMethods } from './schemas';
import { isShippedKey, letterTemplate, letterTemplates, type LetterTemplate } from './templates';
import { registerStudentEraser } from '../people/erasure';
import { userNames } from '../settings/store';

type Letters =
  | 'letters.templates'
  | 'letters.saveTemplate'
  | 'letters.resetTemplate'
  | 'letters.cases'
  | 'letters.preview'
  | 'letters.start'
  | 'letters.progress'
  | 'letters.perAddress';

/** Every letter made shows on the student's timeline: which, when, to whom, by whom. */
export function registerLettersHooks(): void {
  registerStudentEraser('letters', lettersEraser);
  registerTimelineSource('letters', (db, studentId) => {
    const users = userNames(db);
    return lettersOfStudent(db, studentId).map((letter) => ({
      date: localDate(letter.sentAt),
      kind: 'brief' as const,
      title: `Brief: ${letter.templateName}`,
      detail: `Aan ${letter.recipients.filter(Boolean).join(', ')} — gemaakt door ${users.get(letter.sentBy) ?? 'onbekend'}`,
      ref: letter.meetingId ? { type: 'overleg' as const, id: letter.meetingId } : null,
    }));
  });
}

/**
 * The school's contact fields the template names but nobody filled in: said before the letters
 * are made (and refused when making them), so no family reads "bel ons op —". The contact facts
 * are the school's, the same for every case.
 */
function contactProblemsOf(template: LetterTemplate, cases: LetterCase[]): string[] {
  const first = cases[0];
  if (!first) return [];
  return emptyContactFields(template, letterValues({ ...first.facts, addressees: [], letterDate: today() }));
}

/** The students a meeting's letters are for: its cases that still stand. */
function caseStudentIds(agenda: ReturnType<typeof agendaView>): string[] {
  return [...new Set(agenda.items.flatMap((i) => (i.kind === 'casus' && i.studentId && i.change !== 'vervallen' ? [i.studentId] : [])))];
}

/** The run a preview shows and letters.start makes: the same template, students and choices, checked the same way. */
function letterRun(
  db: VaultDb,
  userId: string,
  input: z.output<(typeof lettersMethods)['letters.start']['input']>,
): { run: LetterRun; meeting: { title: string; date: string } } {
  const { templateId, meetingId, studentIds, includeWithoutAuthority, copyToParents } = input;
  const template = letterTemplate(db, templateId);
  const agenda = agendaView(db, meetingId, userId);
  requireStudents(db, studentIds, 'Een gekozen leerling');
  requireGuardians(db, includeWithoutAuthority, 'Een gekozen ouder/verzorger');
  const onAgenda = new Set(caseStudentIds(agenda));
  if (studentIds.some((id) => !onAgenda.has(id)))
    throw new AppError('VALIDATION', 'Een gekozen leerling staat niet (meer) op de agenda van dit overleg.');
  return {
    run: {
      template,
      meetingId,
      meetingDate: agenda.meeting.date,
      studentIds,
      options: { includeWithoutAuthority, copyToParents },
    },
    meeting: { title: agenda.meeting.title, date: agenda.meeting.date },
  };
}

export const lettersHandlers: DomainHandlers<Letters> = {
  'letters.templates': ({ db }) => letterTemplates(db),

  'letters.saveTemplate': ({ db, session }, input) => {
    // An unknown or misspelt placeholder is refused here, so it can never be printed as {{…}}.
    const fields: Record<string, string> = {};
    const subject = templateProblems(input.subject);
    const body = templateProblems(input.body);
    if (subject.length > 0) fields.subject = subject.join(' ');
    if (body.length > 0) fields.body = body.join(' ');
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', (subject[0] ?? body[0])!, fields);
    const shippedKey = input.id !== null && isShippedKey(input.id) ? input.id : null;
    if (input.id !== null && !shippedKey) letterTemplate(db, input.id);
    return {
      id: saveTemplateRow(db, {
        id: input.id,
        shippedKey,
        name: input.name,
        subject: input.subject,
        body: input.body,
        userId: session.user.id,
      }),
    };
  },

  'letters.resetTemplate': ({ db }, { id }) => {
    letterTemplate(db, id);
    removeTemplateRow(db, isShippedKey(id) ? { shippedKey: id } : { id });
    return null;
  },

  'letters.cases': ({ db, session }, { meetingId, templateId, includeWithoutAuthority, copyToParents }) => {
    const template = letterTemplate(db, templateId);
    const agenda = agendaView(db, meetingId, session.user.id);
    requireGuardians(db, includeWithoutAuthority, 'Een gekozen ouder/verzorger');
    const cases = letterCases(db, session.user.id, { meetingId, studentIds: caseStudentIds(agenda) });
    const letterDate = today();
    const items = new Map(agenda.items.map((i) => [i.id, i]));
    return {
      contactProblems: contactProblemsOf(template, cases),
      cases: cases.map((c) => {
        const item = c.itemId ? items.get(c.itemId) : undefined;
        // Which route is not said: that a Meldcode track exists is itself Meldcode information.
        const sensitive = item !== undefined && (item.confidential || item.consent?.state === 'route' || item.consent?.state === 'anoniem');
        const letters = addresseesOf(c, letterDate, { includeWithoutAuthority, copyToParents });
        const warnings: string[] = [];
        if (sensitive)
          warnings.push('Besloten of op een bijzondere manier besproken: staat daarom uit. Ga na of deze brief naar huis mag.');
        if (letters.length === 0) warnings.push('Niemand om aan te schrijven: geen ouder met gezag bekend.');
        for (const letter of letters.filter((l) => l.addressLines.length <= l.addressNames.length)) {
          warnings.push(`Geen adres bekend voor ${letter.addressNames.join(' en ')}: vul het adres aan, anders heeft de brief geen adres.`);
        }
        // A letter is dated the day it is made: one that reports decisions cannot be about a meeting still to come.
        if (template.needs.includes('decision') && meetingStillAhead(agenda.meeting.date, letterDate)) {
          warnings.push(
            `Dit overleg is pas op ${longDate(agenda.meeting.date)}: deze brief, gedateerd vandaag, ` +
              'zegt dat het al is geweest. Maak hem na het overleg.',
          );
        }
        if (template.needs.includes('decision') && !c.facts.decision)
          warnings.push('Nog geen besluit dat naar ouders mag: de brief zegt dat er nog geen besluit is.');
        if (template.needs.includes('consent') && !c.facts.consent)
          warnings.push('Er schuiven geen externe partners aan bij dit overleg: de brief noemt geen organisaties.');
        return {
          studentId: c.student.id,
          title: `${fullName(c.student)}${c.student.className ? ` (${c.student.className})` : ''}`,
          studentNumber: c.student.studentNumber,
          letters: letters.map((l) => ({ kind: l.kind, addressLines: l.addressLines, salutation: l.salutation })),
          withoutAuthority: c.guardians.filter((g) => !g.parentalAuthority).map((g) => ({ id: g.id, name: fullName(g) })),
          sensitive,
          warnings,
        };
      }),
    };
  },

  // Read only: what would go out, word for word. Nothing is made, logged or put on a timeline until letters.start.
  'letters.preview': ({ db, session }, input) => ({
    letters: previewLetters(db, session.user.id, letterRun(db, session.user.id, input).run),
  }),

  'letters.start': ({ backend, db, session, noteForAudit }, input) => {
    const { run, meeting } = letterRun(db, session.user.id, input);
    const jobId = startLetters(backend, session, run);
    noteForAudit({
      detail: `brieven "${run.template.name}" voor ${run.studentIds.length} leerling(en) bij ${meeting.title} ${meeting.date}`,
      studentIds: run.studentIds,
    });
    return { jobId };
  },

  'letters.progress': ({ backend, session }, { jobId }) => letterProgress(backend, session, jobId),
  'letters.perAddress': readsOnly(({ backend, session }, { jobId }) => lettersPerAddress(backend, session, jobId)),
};
