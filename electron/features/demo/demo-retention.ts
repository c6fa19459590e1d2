import { randomUUID } from 'node:crypto';
import { addMonths, format, parseISO, subMonths, subYears } from 'date-fns';
import { eq } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { appUsers, guardians, intakes, lettersSent, retainedAbsence, retentionStudents, students } from '../../../db/schema';
import { insertConsent } from '../consent/store';
import { currentForm } from '../intake/store';
import { defaultSalutation, studentSearchText } from '../people/names';
import type { IsoDate } from '../schedule/types';
import type { LeavingDestination } from '../retention/vocabulary';
import { now } from '../../shared/clock';

/**
 * Students who left the demo school long enough ago for the Bewaartermijnen worklist to have work:
 * files past their 2 years (one with absence data that stays), a VSO leaver past 3 years and one
 * not yet, one kept with a reason, one whose file already went and whose absence data's 5 years
 * have now passed, and a recent leaver. All dated back from `today`.
 */

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const back = (today: IsoDate, years: number, months: number) => iso(subMonths(subYears(parseISO(today), years), months));

interface Leaver {
  student: [givenName: string, familyName: string, number: string, className: string];
  left: [years: number, months: number];
  destination: LeavingDestination | null;
  /** Given name → relation; they share the student's family name and live at one address. */
  parents: Record<string, 'moeder' | 'vader'>;
  intake?: { aanleiding: string; verzuim?: string };
  letter?: boolean;
  kept?: string;
  fileErased?: boolean;
}

const leavers: Leaver[] = [
  {
    student: ['Lotte', 'Verbeek', '219014', '4H'],
    left: [2, 3],
    destination: 'mbo',
    parents: { Ingrid: 'moeder', Rob: 'vader' },
    intake: { aanleiding: 'Faalangst rond toetsen; Lotte haakt af bij presentaties.' },
    letter: true,
  },
  { student: ['Sem', 'Kuipers', '218033', '2D'], left: [3, 2], destination: 'vso', parents: { Petra: 'moeder' } },
  {
    student: ['Noah', 'Hendriksen', '219102', '3K'],
    left: [2, 6],
    destination: 'vo',
    parents: { Dennis: 'vader' },
    intake: {
      aanleiding: 'Noah is veel afwezig zonder bericht.',
      verzuim: '36 uur ongeoorloofd in één periode; melding bij leerplicht gedaan.',
    },
  },
  { student: ['Fenna', 'Jacobs', '219077', '1D'], left: [2, 5], destination: 'vso', parents: { Monique: 'moeder' } },
  {
    student: ['Thijs', 'Dekkers', '219051', '4T'],
    left: [2, 4],
    destination: 'mbo',
    parents: { Martijn: 'vader' },
    kept: 'Ouders hebben een klacht ingediend die nog loopt; dossier bewaren tot die is afgehandeld.',
  },
  { student: ['Yara', 'Bosch', '216020', '4V'], left: [5, 2], destination: 'ho', parents: {}, fileErased: true },
  { student: ['Isa', 'Vermeer', '222045', '3H'], left: [1, 0], destination: 'vo', parents: { Linda: 'moeder' } },
];

export function seedDemoRetention(db: VaultDb, today: IsoDate): void {
  const at = now();
  const awo = db.select().from(appUsers).where(eq(appUsers.staffCode, 'awo')).get()!;
  const form = currentForm(db, awo.id);
  for (const l of leavers) {
    const [givenName, familyName, studentNumber, className] = l.student;
    const leftOn = back(today, ...l.left);
    const id = randomUUID();
    const student = {
      id,
      studentNumber,
      givenName,
      infix: '',
      familyName,
      birthDate: null,
      className,
      yearLevel: Number(className[0]),
      level: '',
      mentorId: null,
      updatedAt: at,
    };
    db.insert(students)
      .values({ ...student, status: 'left', leftOn, searchText: studentSearchText(student) })
      .run();
    const parentIds = Object.entries(l.parents).map(([parentName, relation]) => {
      const g = {
        givenName: parentName,
        infix: '',
        familyName,
        relation,
        parentalAuthority: true,
        street: 'Lindelaan',
        houseNumber: '40',
        postalCode: '3512 KL',
        city: 'Utrecht',
        email: '',
        phone: '',
      };
      const guardianId = randomUUID();
      db.insert(guardians)
        .values({ id: guardianId, studentId: id, ...g, salutation: defaultSalutation(g), updatedAt: at })
        .run();
      return { guardianId, name: `${parentName} ${familyName}` };
    });
    if (l.intake) {
      const referredOn = back(today, l.left[0] + 1, l.left[1]);
      db.insert(intakes)
        .values({
          id: randomUUID(),
          studentId: id,
          anonymousLabel: null,
          referrerId: null,
          referredOn,
          seriesId: null,
          meetingId: null,
          status: 'afgesloten',
          formVersionId: form.version,
          answers: {
            aanleiding: l.intake.aanleiding,
            vraag: 'Welke ondersteuning past?',
            zorgen: l.intake.verzuim ? { verzuim: 'Komt vaak te laat.' } : { 'sociaal-emotioneel': 'Spanning rond toetsen.' },
            ...(l.intake.verzuim ? { 'verzuim-resultaten': l.intake.verzuim } : {}),
          },
          gateRoutes: {},
          createdBy: awo.id,
          createdAt: at,
          updatedAt: at,
        })
        .run();
      const parent = parentIds[0];
      if (parent) {
        insertConsent(db, {
          studentId: id,
          signerKind: 'guardian',
          guardianId: parent.guardianId,
          signerName: parent.name,
          decision: 'given',
          purposes: ['bespreking'],
          partnerIds: [],
          method: 'schriftelijk',
          informationGiven: 'Uitleg over het ZAT.',
          givenOn: referredOn,
          validUntil: leftOn,
          untilCaseClosed: false,
          recordedBy: awo.id,
          recordedAt: at,
        });
      }
    }
    if (l.letter) {
      db.insert(lettersSent)
        .values({
          id: randomUUID(),
          studentId: id,
          meetingId: null,
          templateName: 'Terugkoppeling',
          subject: 'Terugkoppeling overleg',
          recipients: parentIds.map((p) => p.name),
          sentAt: at,
          sentBy: awo.id,
          letterCount: 1,
        })
        .run();
    }
    const retention = { studentId: id, destination: l.destination, updatedAt: at };
    if (l.kept)
      db.insert(retentionStudents)
        .values({
          ...retention,
          keptUntil: iso(addMonths(parseISO(today), 2)),
          keepReason: l.kept,
          keptBy: awo.id,
          keptAt: at,
        })
        .run();
    else if (l.fileErased) {
      db.insert(retentionStudents)
        .values({ ...retention, fileErasedOn: back(today, 3, 2) })
        .run();
      db.insert(retainedAbsence)
        .values({
          id: randomUUID(),
          studentId: id,
          referredOn: back(today, 6, 0),
          text: 'Verzuim en resultaten: 52 uur ongeoorloofd; leerplicht ingeschakeld.',
        })
        .run();
    } else db.insert(retentionStudents).values(retention).run();
  }
}
