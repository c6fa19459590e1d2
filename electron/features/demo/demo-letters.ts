import { addDays, format, parseISO } from 'date-fns';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { agendaItems, appUsers, intakes, meetings, meetingSeries, minuteFields, students } from '../../../db/schema';
import { meetingRecord } from '../agenda/store';
import { attendeesOf } from '../agenda/store-presence';
import type { ConsentPurpose } from '../consent/rules';
import { consentRows } from '../consent/store';
import { letterCases, type LetterCase } from '../letters/facts';
import { lettersFor } from '../letters/letter-jobs';
import type { ShippedTemplate } from '../letters/shipped-templates';
import { logLettersSent } from '../letters/store';
import { letterTemplate } from '../letters/templates';
import { AGE_OF_OWN_CONSENT, ageOn } from '../people/age';
import { DEFAULT_ADDRESSEE_OPTIONS } from '../people/letter-recipients';
import { calendarFor } from '../schedule/store';
import type { IsoDate } from '../schedule/types';
import { checkLogo } from '../settings/logo';
import { writeLogo } from '../settings/store';
import { demoLogoPng } from './demo-logo';

/**
 * The demo school's letterhead logo and the letters it has already sent home: after a fixed IOT a
 * "terugkoppeling", and for a ZAT student the request for consent before the first ZAT and the
 * confirmation of the referral after it. Logged as letters.start logs a run (one row per student,
 * one recipient line per letter), so the student timeline shows them.
 * Runs after demo-minutes.ts: it reads the meetings, cases and consent made there.
 */

const shift = (date: IsoDate, days: number) => format(addDays(parseISO(date), days), 'yyyy-MM-dd');
const earliest = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

interface CaseAt {
  studentId: string;
  meetingId: string;
  date: IsoDate;
  decision: string | null;
  confidential: boolean;
}

export function seedDemoLetters(db: VaultDb, today: IsoDate): void {
  const logo = demoLogoPng();
  const checked = checkLogo(logo);
  if ('problem' in checked) throw new Error(`Demo: het logo is ongeldig (${checked.problem})`);
  writeLogo(db, { data: logo, ...checked });

  const awo = db.select({ id: appUsers.id }).from(appUsers).where(eq(appUsers.staffCode, 'awo')).get();
  if (!awo) return;

  /** Decided cases with a decision for parents, in meetings whose minutes are fixed: newest meeting first. */
  const fixedCases = (seriesName: string): CaseAt[] =>
    db
      .select({
        studentId: agendaItems.studentId,
        meetingId: meetings.id,
        date: meetings.date,
        decision: agendaItems.decision,
        confidential: agendaItems.confidential,
      })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId))
      .innerJoin(
        minuteFields,
        and(eq(minuteFields.itemId, agendaItems.id), eq(minuteFields.field, 'besluit'), eq(minuteFields.audience, 'ouders')),
      )
      .where(
        and(
          eq(meetingSeries.name, seriesName),
          eq(agendaItems.kind, 'casus'),
          eq(agendaItems.decided, true),
          isNotNull(agendaItems.studentId),
          isNotNull(meetings.minutesFixedAt),
        ),
      )
      .orderBy(desc(meetings.date), asc(agendaItems.position))
      .all()
      .flatMap((c) => (c.studentId ? [{ ...c, studentId: c.studentId }] : []));

  // A letter goes out on a school day: the nearest one from a date, forwards or backwards.
  const calendar = calendarFor(db);
  const schoolDay = (date: IsoDate, step: 1 | -1) => {
    let day = date;
    for (let i = 0; i < 120 && calendar.closedReason(day) !== null; i++) day = shift(day, step);
    return day;
  };

  const entries: Parameters<typeof logLettersSent>[1] = [];
  const letter = (key: ShippedTemplate['key'], studentId: string, meetingId: string, sentOn: IsoDate) => {
    // Merged as letters.start merges them, so the log keeps the texts as sent (an inzage shows them).
    const [letterCase] = letterCases(db, awo.id, { meetingId, studentIds: [studentId] });
    if (letterCase) log(key, letterCase, meetingId, sentOn);
  };
  const log = (key: ShippedTemplate['key'], letterCase: LetterCase, meetingId: string, sentOn: IsoDate) => {
    const template = letterTemplate(db, key);
    const studentId = letterCase.student.id;
    const signer = letterCase.facts.coordinator ?? { name: '', role: '' };
    const letters = lettersFor(letterCase, { template, options: DEFAULT_ADDRESSEE_OPTIONS }, sentOn, {
      name: signer.name,
      role: signer.role,
    });
    if (letters.length === 0) return;
    entries.push({
      studentId,
      meetingId,
      templateName: template.name,
      subject: letters[0]!.letter.subject,
      // One line per letter, everyone it is addressed to: "Mevr. M. de Wit en Dhr. M. de Wit".
      recipients: letters.map((l) => l.recipients),
      texts: letters.map(({ letter, recipients }) => ({ recipients, ...letter })),
      sentAt: `${sentOn}T${key === 'toestemming' ? '08:45' : '14:10'}:00.000Z`,
      sentBy: awo.id,
      letterCount: letters.length,
    });
  };

  // IOT: two days after the most recent fixed meeting, what was agreed for its first open case.
  const iot = fixedCases('IOT').find((c) => !c.confidential && c.decision !== 'doorverwijzen-overleg');
  if (iot) letter('terugkoppeling', iot.studentId, iot.meetingId, earliest(schoolDay(shift(iot.date, 2), 1), today));

  // ZAT: a student referred outside school. Some days before the parents signed for the ZAT they
  // got the request for consent (before a summer holiday: on its last school day); after the ZAT,
  // the confirmation of the referral.
  const zat = fixedCases('ZAT').find((c) => !c.confidential && c.decision === 'extern');
  if (zat) {
    const signed = consentRows(db, [zat.studentId])
      .filter((r) => r.signerKind === 'guardian' && r.decision === 'given')
      .map((r) => r.givenOn)
      .sort()[0];
    const firstZat = db
      .select({ id: meetings.id, date: meetings.date })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(
        and(
          eq(agendaItems.studentId, zat.studentId),
          eq(agendaItems.kind, 'casus'),
          inArray(meetings.seriesId, db.select({ id: meetingSeries.id }).from(meetingSeries).where(eq(meetingSeries.name, 'ZAT'))),
        ),
      )
      .orderBy(asc(meetings.date))
      .get();
    if (signed && firstZat && signed < firstZat.date) letter('toestemming', zat.studentId, firstZat.id, schoolDay(shift(signed, -5), -1));
    letter('verwijzing', zat.studentId, zat.meetingId, earliest(schoolDay(shift(zat.date, 2), 1), today));
  }

  // A student of 16 or older is written to directly ("je"), the parents of a minor get a copy:
  // the student who signs alone for the next ZAT got the request for consent herself, some days
  // before she signed. She is not on that ZAT's agenda yet, so the letter names the meeting itself.
  const own = db
    .select({ studentId: intakes.studentId, meetingId: intakes.meetingId, birthDate: students.birthDate })
    .from(intakes)
    .innerJoin(students, eq(students.id, intakes.studentId))
    .where(and(eq(intakes.status, 'geaccepteerd'), isNotNull(intakes.meetingId)))
    .all()
    .find(
      (i) =>
        i.birthDate !== null &&
        ageOn(i.birthDate, today) >= AGE_OF_OWN_CONSENT &&
        consentRows(db, [i.studentId!]).some((r) => r.signerKind === 'student' && r.decision === 'given'),
    );
  if (own?.studentId && own.meetingId && own.birthDate) {
    const signed = consentRows(db, [own.studentId])
      .filter((r) => r.signerKind === 'student' && r.decision === 'given')
      .map((r) => r.givenOn)
      .sort()[0]!;
    const sentOn = schoolDay(shift(signed, -5), -1);
    const meeting = meetingRecord(db, own.meetingId);
    const partners = attendeesOf(db, own.meetingId)
      .filter((a) => a.kind === 'partner')
      .map((a) => a.name);
    const [letterCase] = letterCases(db, awo.id, { meetingId: null, studentIds: [own.studentId] });
    if (letterCase && partners.length > 0 && ageOn(own.birthDate, sentOn) >= AGE_OF_OWN_CONSENT) {
      const facts = {
        ...letterCase.facts,
        meeting: {
          name: meeting.title,
          date: meeting.date,
          startTime: meeting.startTime,
          location: meeting.location,
          caseStartTime: null,
        },
        consent: { purposes: ['bespreking', 'informatie-uitwisselen'] as ConsentPurpose[], partners },
      };
      log('toestemming', { ...letterCase, facts }, own.meetingId, sentOn);
    }
  }

  logLettersSent(db, entries);
}
