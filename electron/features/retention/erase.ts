import { randomUUID } from 'node:crypto';
import type { VaultDb } from '../../../db/open';
import { unlinkStudentLines } from '../audit/store';
import { studentErasers, type ErasureCounts, type StudentErasure } from '../people/erasure';
import { deleteGuardiansOf, deleteStudent, guardiansOf, keepOnlyIdentity, studentRow } from '../people/store';
import { intakeAnswersOf } from '../intake/store';
import type { IsoDate } from '../schedule/types';
import { absenceText } from './absence';
import { nameReplacer, namesOf, numberElsewhere } from './anonymise';
import type { RetentionStep } from './rules';
import { deleteKeptAbsence, keepAbsence, markFileErased, noteInLedger, scrubKeptAbsence } from './store';
import { ANONYMISED_CASE, GUARDIAN_PLACEHOLDER, STUDENT_PLACEHOLDER } from './vocabulary';

/**
 * What a confirmed erasure does to every domain's rows about one student. Deleted: personal data,
 * guardians, intakes, consents, the Meldcode track, attachments, letters, the chair's notes on
 * their case. Kept without identity: the minutes of their case (the item becomes "Leerling
 * (geanonimiseerd)", names in the text [leerling]/[ouder]), actions (text kept, link gone), the
 * audit lines about them (what happened stays; the link to the student goes, names and
 * leerlingnummer in their detail are replaced). Their full names and leerlingnummer go from other
 * students' files too, and the erasure is noted in the ledger a restore re-applies (ledger.ts).
 * Each domain built on people erases its own rows (people/erasure.ts); retention asks them in the
 * order below and erases people's, audit's and its own rows itself. Runs inside the dispatcher's
 * transaction, or a restore's.
 */

/**
 * Who erases first. The chair's notes and the minutes find their rows through the items of the
 * case, so they go before the agenda makes those items anonymous; the intake and consent parts
 * delete the files on their rows before the rows (a cascade would take them uncounted). The
 * guardians go after every part, which read the family before.
 */
const ERASURE_ORDER = ['presentation', 'minutes', 'agenda', 'meetings', 'letters', 'consent', 'intake', 'files'];

function orderedErasers() {
  const erasers = studentErasers();
  const unknown = erasers.find((e) => !ERASURE_ORDER.includes(e.domain));
  // A part outside the order might run after the rows it finds its own through are gone.
  if (unknown) throw new Error(`Erasure: no place in the order for the domain "${unknown.domain}".`);
  // A domain that did not register would keep its rows about a student who is gone: refuse instead.
  const missing = ERASURE_ORDER.find((domain) => !erasers.some((e) => e.domain === domain));
  if (missing) throw new Error(`Erasure: the domain "${missing}" has not registered its part.`);
  return erasers.sort((a, b) => ERASURE_ORDER.indexOf(a.domain) - ERASURE_ORDER.indexOf(b.domain));
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Dossier van 2 leerlingen verwijderd: 2 leerlinggegevens, 3 ouders/verzorgers, …" — counts only, never a name. */
export function erasureDetail(students: number, c: ErasureCounts): string {
  const deleted = [
    c.students && count(c.students, 'leerling', 'leerlingen'),
    c.guardians && count(c.guardians, 'ouder/verzorger', 'ouders/verzorgers'),
    c.intakes && count(c.intakes, 'aanmelding', 'aanmeldingen'),
    c.attachments && count(c.attachments, 'bijlage', 'bijlagen'),
    c.consents && count(c.consents, 'toestemming', 'toestemmingen'),
    c.meldcodeTracks && count(c.meldcodeTracks, 'Meldcode-traject', 'Meldcode-trajecten'),
    c.letters && count(c.letters, 'brief', 'brieven'),
    c.chairNotes && count(c.chairNotes, 'notitie van de voorzitter', 'notities van de voorzitter'),
    c.absenceRecords && count(c.absenceRecords, 'bewaarde verzuimregistratie', 'bewaarde verzuimregistraties'),
  ].filter(Boolean);
  const anonymised = [
    c.agendaItems && count(c.agendaItems, 'agendapunt', 'agendapunten'),
    c.minuteTexts && count(c.minuteTexts, 'notulentekst', 'notulenteksten'),
    c.actions && count(c.actions, 'actie', 'acties'),
    c.auditLines && count(c.auditLines, 'logregel', 'logregels'),
    c.otherTexts && count(c.otherTexts, 'tekst bij andere leerlingen', 'teksten bij andere leerlingen'),
  ].filter(Boolean);
  return [
    `Bewaartermijn verstreken, ${count(students, 'leerling', 'leerlingen')}`,
    `verwijderd: ${deleted.length ? deleted.join(', ') : 'niets meer'}`,
    anonymised.length ? `zonder naam bewaard: ${anonymised.join(', ')}` : null,
    c.absenceKept ? `verzuimgegevens bewaard: ${c.absenceKept}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * Erases one student's data as `step` says: 'dossier' keeps the identity and the absence data
 * (copied out of the intakes first), 'alles' leaves nothing of them.
 */
export function eraseStudent(db: VaultDb, studentId: string, step: RetentionStep, on: IsoDate, counts: ErasureCounts): void {
  const student = studentRow(db, studentId);
  const family = guardiansOf(db, studentId);
  if (step === 'dossier') {
    const kept = intakeAnswersOf(db, studentId).flatMap((i) => {
      const text = absenceText(i.answers);
      return text === null ? [] : [{ id: randomUUID(), studentId, referredOn: i.referredOn, text }];
    });
    keepAbsence(db, kept);
    counts.absenceKept += kept.length;
  }
  // Terms only pre-filter the rows `elsewhere` rewrites: family names, and a number long enough to be theirs alone.
  const terms = [
    ...[student, ...family].map((p) => p.familyName.trim()).filter((n) => n.length >= 2),
    ...numberElsewhere(student.studentNumber),
  ];
  const erasure: StudentErasure = {
    studentId,
    guardianIds: family.map((g) => g.id),
    own: nameReplacer(namesOf(student, family, 'own')),
    elsewhere: nameReplacer(namesOf(student, family, 'elsewhere')),
    placeholders: { student: STUDENT_PLACEHOLDER, guardian: GUARDIAN_PLACEHOLDER, caseLabel: ANONYMISED_CASE },
    terms: [...new Set(terms)],
    counts,
  };
  const erasers = orderedErasers();
  for (const eraser of erasers) eraser.theirs?.(db, erasure);
  counts.auditLines += unlinkStudentLines(db, studentId, erasure.own);
  counts.guardians += deleteGuardiansOf(db, studentId);
  if (erasure.terms.length > 0) {
    for (const eraser of erasers) eraser.elsewhere?.(db, erasure);
    counts.otherTexts += scrubKeptAbsence(db, erasure.terms, erasure.elsewhere);
  }
  noteInLedger(db, studentId, step, on);
  if (step === 'dossier') {
    // Only who they are stays, for the absence data: no mentor, no level.
    keepOnlyIdentity(db, studentId);
    markFileErased(db, studentId, on);
    return;
  }
  counts.absenceRecords += deleteKeptAbsence(db, studentId);
  // The retention row goes with the student (a foreign key with cascade).
  counts.students += deleteStudent(db, studentId);
}
