import { addDays, addYears, format, parseISO } from 'date-fns';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { appUsers, guardians, meetingAttendees, meetings, meetingSeries, schoolSettings, staff, students } from '../../../db/schema';
import { insertConsent, recordWithdrawal, saveMeldcodeTrack } from '../consent/store';
import { addAttachment } from '../files/store';
import type { IntakeAnswers } from '../intake/form';
import { currentForm, insertIntake, type IntakeStatus } from '../intake/store';
import { fullName } from '../people/names';
import { schoolYearBounds } from '../schedule/calendar/official-holidays';
import { schoolYearOf } from '../schedule/vocabulary';
import type { IsoDate } from '../schedule/types';
import { now } from '../../shared/clock';
import { demoPdf } from './demo-pdf';

/**
 * The demo school's cases: intakes in every status, a consent register with the situations a
 * coordinator meets (complete, withdrawn by one of two parents, expired, a student of 16 who
 * signs alone), an anonymous case and one Meldcode track that only the aandachtsfunctionaris
 * (Anouk Wolters) sees. Dated around `today`, so the demo stays current.
 */

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const shift = (date: IsoDate, days: number) => iso(addDays(parseISO(date), days));

const answers = (a: {
  aanleiding: string;
  vraag: string;
  zorgen: IntakeAnswers['zorgen'];
  geprobeerd: string;
  ouders: string;
  leerling: string;
  extra?: IntakeAnswers;
}): IntakeAnswers => ({
  aanleiding: a.aanleiding,
  vraag: a.vraag,
  zorgen: a.zorgen,
  geprobeerd: a.geprobeerd,
  'visie-ouders': { text: a.ouders, missingReason: '' },
  'visie-leerling': { text: a.leerling, missingReason: '' },
  ...a.extra,
});

export function seedDemoIntakes(db: VaultDb, today: IsoDate): void {
  const at = now();
  const user = (code: string) => db.select().from(appUsers).where(eq(appUsers.staffCode, code)).get()!;
  const staffId = (code: string) => db.select({ id: staff.id }).from(staff).where(eq(staff.code, code)).get()?.id ?? null;
  const awo = user('awo');
  db.update(appUsers)
    .set({ roles: ['coordinator', 'aandachtsfunctionaris'] })
    .where(eq(appUsers.staffCode, 'awo'))
    .run();
  db.update(appUsers)
    .set({ roles: ['coordinator', 'voorzitter'] })
    .where(eq(appUsers.staffCode, 'sisl'))
    .run();
  db.update(appUsers)
    .set({ roles: ['lid', 'notulist'] })
    .where(eq(appUsers.staffCode, 'bgr'))
    .run();
  // The Meldcode stays with the aandachtsfunctionaris: the other coordinator does not see it.
  db.update(schoolSettings).set({ meldcodeCoordinatorAccess: false }).run();

  const seriesId = (name: string) => db.select({ id: meetingSeries.id }).from(meetingSeries).where(eq(meetingSeries.name, name)).get()!.id;
  const year = schoolYearBounds(schoolYearOf(today));
  const meetingsOf = (name: string) =>
    db
      .select()
      .from(meetings)
      .where(and(eq(meetings.seriesId, seriesId(name)), gte(meetings.date, year.start), lte(meetings.date, year.end)))
      .orderBy(asc(meetings.date))
      .all();
  const zats = meetingsOf('ZAT');
  const iots = meetingsOf('IOT');
  // The next meeting that is still a week or more away (its deadline has a chance), and the last one held.
  const next = (list: typeof zats) => list.find((m) => m.date >= shift(today, 7)) ?? list.at(-1)!;
  const last = (list: typeof zats) => [...list].reverse().find((m) => m.date < today) ?? list[0]!;
  const nextZat = next(zats);
  const nextIot = next(iots);
  const lastZat = last(zats);
  const lastIot = last(iots);

  const studentOf = (className: string, index: number) => {
    const s = db.select().from(students).where(eq(students.className, className)).orderBy(asc(students.studentNumber)).all()[index]!;
    const family = db.select().from(guardians).where(eq(guardians.studentId, s.id)).orderBy(asc(guardians.relation)).all();
    return { ...s, name: fullName(s), guardians: family };
  };
  /** A student with two parents holding authority (most families), so consent needs both. */
  const withTwoParents = (className: string, from = 0) => {
    for (let i = from; i < 30; i++) {
      const s = studentOf(className, i);
      if (s.guardians.filter((g) => g.parentalAuthority).length === 2) return s;
    }
    return studentOf(className, from);
  };

  const form = currentForm(db, awo.id);
  const intake = (o: {
    student: { id: string } | null;
    anonymousLabel?: string;
    referrer: string;
    meeting: (typeof zats)[number];
    status: IntakeStatus;
    answers: IntakeAnswers;
    returnReason?: string;
    gateRoutes?: Record<string, { route: string; meldcodeTrackId: string | null }>;
  }) => {
    const submitted = o.status === 'concept' ? null : `${shift(o.meeting.date, -10)}T09:30:00.000Z`;
    return insertIntake(db, {
      studentId: o.student?.id ?? null,
      anonymousLabel: o.anonymousLabel ?? null,
      referrerId: staffId(o.referrer),
      referredOn: o.status === 'concept' ? today : shift(o.meeting.date, -10),
      seriesId: o.meeting.seriesId,
      meetingId: o.meeting.id,
      status: o.status,
      formVersionId: form.version,
      answers: o.answers,
      returnReason: o.returnReason ?? null,
      gateRoutes: o.gateRoutes ?? {},
      submittedAt: submitted,
      decidedAt: ['geaccepteerd', 'teruggestuurd', 'besproken', 'afgesloten'].includes(o.status) ? submitted : null,
      decidedBy: ['geaccepteerd', 'teruggestuurd', 'besproken', 'afgesloten'].includes(o.status) ? awo.id : null,
      createdBy: o.referrer === 'bgr' ? user('bgr').id : awo.id,
      // Handed in by whoever wrote it; decided, discussed and closed by the coordinator (after the meeting).
      statusChangedBy: o.status === 'concept' ? null : o.status === 'ingediend' ? (o.referrer === 'bgr' ? user('bgr').id : awo.id) : awo.id,
      statusChangedAt:
        ['besproken', 'afgesloten'].includes(o.status) && o.meeting.date <= today ? `${o.meeting.date}T15:00:00.000Z` : submitted,
    });
  };
  const partnersAtNextZat = db
    .select({ partnerId: meetingAttendees.partnerId })
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, nextZat.id))
    .all()
    .flatMap((a) => (a.partnerId ? [a.partnerId] : []));
  const consent = (
    studentId: string,
    signer: { guardianId: string; name: string } | { student: string },
    givenOn: IsoDate,
    extra: Partial<Parameters<typeof insertConsent>[1]> = {},
  ) =>
    insertConsent(db, {
      studentId,
      signerKind: 'student' in signer ? 'student' : 'guardian',
      guardianId: 'student' in signer ? null : signer.guardianId,
      signerName: 'student' in signer ? signer.student : signer.name,
      decision: 'given',
      purposes: ['bespreking', 'informatie-uitwisselen'],
      partnerIds: partnersAtNextZat,
      method: 'schriftelijk',
      informationGiven: 'Toestemmingsformulier ZAT met uitleg over de partners aan tafel en het doel van de bespreking.',
      givenOn,
      validUntil: year.end,
      recordedBy: awo.id,
      recordedAt: at,
      ...extra,
    });
  const guardianSigner = (g: { id: string; givenName: string; infix: string; familyName: string }) => ({
    guardianId: g.id,
    name: fullName(g),
  });

  // 1. Complete consent: both parents, and the student too for the jeugdarts (12–15).
  const sem = withTwoParents('2B');
  const semIntake = intake({
    student: sem,
    referrer: 'bgr',
    meeting: nextZat,
    status: 'geaccepteerd',
    answers: answers({
      aanleiding: `${sem.givenName} is sinds de herfstvakantie 14 keer te laat gekomen en twee keer ziek gemeld op maandag.`,
      vraag: 'Is een gesprek met de jeugdarts over het verzuim nodig, en welke ondersteuning past op school?',
      zorgen: { verzuim: 'Veel te laat, vooral op maandag.', gezondheid: 'Klaagt over hoofdpijn en slecht slapen.' },
      geprobeerd: 'Mentorgesprekken (3x in 6 weken), afspraken over op tijd komen; korte verbetering, daarna terugval.',
      ouders: 'Ouders herkennen de slaapproblemen en willen graag meedenken.',
      leerling: 'Vindt de ochtenden zwaar; wil wel met de jeugdarts praten.',
      extra: { behoeften: 'Duidelijke afspraken en een vast aanspreekpunt.' },
    }),
  });
  addAttachment(db, { intakeId: semIntake }, 'Verzuimoverzicht.pdf', demoPdf(`Verzuimoverzicht ${sem.name} (fictief)`), awo.id);
  const semConsentDate = shift(today, -20);
  for (const g of sem.guardians.filter((p) => p.parentalAuthority)) consent(sem.id, guardianSigner(g), semConsentDate);
  consent(sem.id, { student: sem.name }, semConsentDate);

  // 2. One of two parents withdrew: the case cannot be discussed by name with the partners.
  const lotte = withTwoParents('3H');
  intake({
    student: lotte,
    referrer: 'epr',
    meeting: nextZat,
    status: 'geaccepteerd',
    answers: answers({
      aanleiding: `${lotte.givenName} trekt zich terug in de klas en haar cijfers zakken sterk.`,
      vraag: 'Welke hulp buiten school is passend, en kan het Sociaal Team aansluiten?',
      zorgen: {
        'sociaal-emotioneel': 'Somber, zegt weinig, zit in de pauze alleen.',
        leren: 'Gemiddelde gezakt van 6,8 naar 5,1.',
      },
      geprobeerd: 'Gesprekken met de counselor (5x); huiswerkbegeleiding. Weinig effect.',
      ouders: 'Moeder is ongerust; vader wil eerst zelf met de huisarts praten.',
      leerling: 'Wil niet dat "iedereen" over haar praat.',
    }),
  });
  const [lotteMother, lotteFather] = lotte.guardians.filter((g) => g.parentalAuthority);
  consent(lotte.id, guardianSigner(lotteMother!), shift(today, -30));
  const withdrawn = consent(lotte.id, guardianSigner(lotteFather!), shift(today, -30));
  recordWithdrawal(db, withdrawn, {
    withdrawnOn: shift(today, -6),
    withdrawnBy: `${fullName(lotteFather!)}, telefonisch`,
    withdrawalNote: 'Wil eerst zelf met de huisarts praten.',
    withdrawalRecordedBy: awo.id,
    withdrawalRecordedAt: at,
  });

  // 3. Consent from last school year: expired, to be asked again.
  const finn = withTwoParents('3T');
  intake({
    student: finn,
    referrer: 'vidu',
    meeting: nextZat,
    status: 'ingediend',
    answers: answers({
      aanleiding: `${finn.givenName} is dit schooljaar 40 uur ongeoorloofd afwezig geweest.`,
      vraag: 'Moet leerplicht worden ingeschakeld, of is een thuiszittersaanpak nodig?',
      zorgen: {
        verzuim: '40 uur ongeoorloofd, vooral de laatste uren.',
        thuissituatie: 'Ouders zijn gescheiden; wisselend bij moeder en vader.',
      },
      geprobeerd: 'Verzuimgesprekken volgens het protocol; brief aan ouders. Verzuim loopt op.',
      ouders: 'Ouders zijn het met elkaar oneens over de aanpak.',
      leerling: 'Vindt school "zinloos", wil naar een mbo-opleiding.',
    }),
  });
  const lastYearEnd = shift(year.start, -1);
  for (const g of finn.guardians.filter((p) => p.parentalAuthority)) {
    consent(finn.id, guardianSigner(g), shift(lastYearEnd, -120), { validUntil: lastYearEnd });
  }

  // 4. A student of 16 signs alone.
  const older = db.select().from(students).where(eq(students.yearLevel, 4)).orderBy(asc(students.birthDate)).get()!;
  // Sixteen well before the ZAT and before the day she signs: a consent counts only when its
  // signer was entitled to give it on the day of signing.
  const signedOn = shift(today, -10);
  const sixteenBy = [shift(iso(addYears(parseISO(nextZat.date), -16)), -60), shift(iso(addYears(parseISO(signedOn), -16)), -30)].sort()[0]!;
  if (!older.birthDate || older.birthDate > sixteenBy) {
    db.update(students).set({ birthDate: sixteenBy }).where(eq(students.id, older.id)).run();
  }
  const olderName = fullName(older);
  intake({
    student: older,
    referrer: 'aab',
    meeting: nextZat,
    status: 'geaccepteerd',
    answers: answers({
      aanleiding: `${older.givenName} heeft aangegeven zich niet veilig te voelen bij een groep klasgenoten.`,
      vraag: 'Hoe kan de schoolagent meedenken over veiligheid rond school?',
      zorgen: {
        'sociaal-emotioneel': 'Gepest via sociale media.',
        gedrag: 'Vermijdt de kantine en de fietsenstalling.',
      },
      geprobeerd: 'Gesprekken met betrokkenen, mentor volgt de groep. Pesten gaat online door.',
      ouders: 'Ouders steunen de aanmelding.',
      leerling: 'Wil dat het stopt; gaf zelf toestemming.',
    }),
  });
  consent(older.id, { student: olderName }, signedOn, { method: 'digitaal' });

  // 5. Anonymous: discussed without a name until consent exists.
  intake({
    student: null,
    anonymousLabel: 'leerling uit leerjaar 2',
    referrer: 'bgr',
    meeting: nextZat,
    status: 'geaccepteerd',
    answers: answers({
      aanleiding: 'Een leerling vertelt de mentor over spanningen thuis; ouders willen (nog) geen contact met externen.',
      vraag: 'Welke stappen kan school zetten zonder toestemming, en wanneer is de Meldcode aan de orde?',
      zorgen: { thuissituatie: 'Spanningen thuis, leerling slaapt soms bij een vriendin.' },
      geprobeerd: 'Vertrouwelijke gesprekken met de mentor en de counselor.',
      ouders: 'Ouders willen geen bespreking met externen.',
      leerling: 'Wil hulp, maar bang voor de reactie thuis.',
    }),
  });

  // 6. A draft, a returned intake and one handed in for the IOT.
  const noor = studentOf('1B', 3);
  intake({
    student: noor,
    referrer: 'bgr',
    meeting: nextIot,
    status: 'concept',
    answers: {
      aanleiding: `${noor.givenName} huilt vaak na de gymles.`,
      zorgen: { 'sociaal-emotioneel': 'Voelt zich buitengesloten.' },
    },
  });
  const mees = studentOf('1D', 5);
  intake({
    student: mees,
    referrer: 'epr',
    meeting: nextIot,
    status: 'teruggestuurd',
    returnReason: 'Beschrijf wat er al is geprobeerd, hoe lang, en met welk effect; en vraag de visie van ouders.',
    answers: answers({
      aanleiding: `${mees.givenName} verstoort de lessen.`,
      vraag: 'Wat heeft hij nodig?',
      zorgen: { gedrag: 'Loopt weg uit de les.' },
      geprobeerd: '',
      ouders: '',
      leerling: 'Vindt de lessen saai.',
    }),
  });
  const yara = studentOf('2A', 2);
  intake({
    student: yara,
    referrer: 'bgr',
    meeting: nextIot,
    status: 'ingediend',
    answers: answers({
      aanleiding: `${yara.givenName} haalt onvoldoendes voor talen ondanks veel inzet.`,
      vraag: 'Is dyslexieonderzoek zinvol?',
      zorgen: { leren: 'Spelling en begrijpend lezen blijven achter.' },
      geprobeerd: 'RT-begeleiding (8 weken); kleine vooruitgang.',
      ouders: 'Ouders vragen zelf om onderzoek.',
      leerling: 'Wil graag weten waarom lezen zo moeite kost.',
    }),
  });

  // 7. Earlier meetings: discussed and closed cases.
  const daan = studentOf('1A', 1);
  intake({
    student: daan,
    referrer: 'bgr',
    meeting: lastIot,
    status: 'besproken',
    answers: answers({
      aanleiding: `${daan.givenName} kan zich slecht concentreren sinds de verhuizing.`,
      vraag: 'Welke basisondersteuning helpt?',
      zorgen: { leren: 'Maakt werk niet af.' },
      geprobeerd: 'Vaste plek in de klas, planner met de mentor.',
      ouders: 'Ouders herkennen het.',
      leerling: 'Mist zijn oude vrienden.',
    }),
  });
  const zoe = withTwoParents('4H');
  intake({
    student: zoe,
    referrer: 'aab',
    meeting: lastZat,
    status: 'afgesloten',
    answers: answers({
      aanleiding: `${zoe.givenName} was zes weken ziek thuis.`,
      vraag: 'Hoe bouwt ze haar rooster weer op?',
      zorgen: { gezondheid: 'Herstel na ziekenhuisopname.' },
      geprobeerd: 'Aangepast rooster in overleg met de jeugdarts.',
      ouders: 'Ouders zijn tevreden over de opbouw.',
      leerling: 'Gaat weer volledig naar school.',
    }),
  });
  for (const g of zoe.guardians.filter((p) => p.parentalAuthority))
    consent(zoe.id, guardianSigner(g), shift(lastZat.date, -20), { purposes: ['bespreking', 'rapporten-delen'] });

  // 8. A Meldcode track, seen only by the aandachtsfunctionaris.
  saveMeldcodeTrack(db, null, {
    studentId: lotte.id,
    openedOn: shift(today, -12),
    steps: {
      signalen: {
        date: shift(today, -12),
        notes: 'Gymdocent zag blauwe plekken op de bovenarmen; leerling gaf een vage verklaring.',
      },
      consultatie: {
        date: shift(today, -9),
        notes: 'Collegiale consultatie met de counselor; Veilig Thuis gebeld voor advies (geen melding).',
      },
      gesprek: { date: null, notes: '' },
      wegen: { date: null, notes: '' },
      beslissen: { date: null, notes: '' },
    },
    outcome: null,
    parentsInformed: false,
    parentsInformedNote: '',
    closedOn: null,
    createdBy: awo.id,
    updatedAt: at,
  });
}
