import { and, asc, eq } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { appUsers, guardians, meetingSeries, partners, staff, students } from '../../../db/schema';
import { intakeRows, type IntakeRow } from '../intake/store';
import type { IsoDate } from '../../shared/school-year';
import { now } from '../../shared/clock';
import type { PartnerKey, Person, Storyline, Tell } from './demo-minutes-story';

/**
 * Who takes part in the demo's meeting history, looked up once: the coordinator, the IOT and the
 * ZAT, the staff and partners a story names, the intakes demo-intakes.ts made, and the storylines
 * told so far. The seeding functions of the minutes all work from this.
 */
export interface MinutesCast {
  db: VaultDb;
  today: IsoDate;
  /** The moment the demo is made: when consent given "on paper" was recorded. */
  at: string;
  awo: typeof appUsers.$inferSelect;
  iot: typeof meetingSeries.$inferSelect;
  zat: typeof meetingSeries.$inferSelect;
  allIntakes: IntakeRow[];
  storylines: Map<string, Storyline>;
  tell: Tell;
  staffId(code: string): string;
  /** The app user of a staff member, if they have one. */
  userOfStaff(id: string | null): string | null;
  person(who: Person): { kind: 'staff' | 'partner'; id: string };
  studentRow(id: string): typeof students.$inferSelect;
}

export function minutesCast(db: VaultDb, today: IsoDate): MinutesCast {
  const at = now();
  const staffId = (code: string) => {
    const row = db.select({ id: staff.id }).from(staff).where(eq(staff.code, code)).get();
    if (!row) throw new Error(`Demo: geen medewerker met code ${code}`);
    return row.id;
  };
  const userOfStaff = (id: string | null) =>
    id ? (db.select({ id: appUsers.id }).from(appUsers).where(eq(appUsers.staffId, id)).get()?.id ?? null) : null;
  const awo = db.select().from(appUsers).where(eq(appUsers.staffCode, 'awo')).get()!;
  const partnerRows = db.select().from(partners).all();
  const partnerOf: Record<PartnerKey, string | undefined> = {
    swv: partnerRows.find((p) => p.kind === 'samenwerkingsverband')?.id,
    sociaal: partnerRows.find((p) => p.organisation.startsWith('Sociaal Team'))?.id,
    jeugdhulp: partnerRows.find((p) => p.kind === 'jeugdhulp' && !p.organisation.startsWith('Sociaal Team'))?.id,
    ggd: partnerRows.find((p) => p.kind === 'ggd')?.id,
    leerplicht: partnerRows.find((p) => p.kind === 'leerplicht')?.id,
  };
  const person = (who: Person): { kind: 'staff' | 'partner'; id: string } => {
    if (!who.startsWith('partner:')) return { kind: 'staff', id: staffId(who) };
    const id = partnerOf[who.slice('partner:'.length) as PartnerKey];
    if (!id) throw new Error(`Demo: geen partner ${who}`);
    return { kind: 'partner', id };
  };
  const series = (name: string) => db.select().from(meetingSeries).where(eq(meetingSeries.name, name)).get()!;
  const allIntakes = intakeRows(db, { status: null, meetingId: null, studentId: null, createdBy: null });
  const studentRow = (id: string) => db.select().from(students).where(eq(students.id, id)).get()!;
  const storylines = new Map<string, Storyline>();
  const tell: Tell = (studentId, presenter, stories) => {
    storylines.set(studentId, { presenter, stories: stories(studentRow(studentId).givenName) });
  };
  return {
    db,
    today,
    at,
    awo,
    iot: series('IOT'),
    zat: series('ZAT'),
    allIntakes,
    storylines,
    tell,
    staffId,
    userOfStaff,
    person,
    studentRow,
  };
}

/**
 * Picks the students of the stories: each time one without an intake yet, preferably with two
 * parents holding authority (consent needs both), starting `from` places into the class list.
 */
export function studentPicker({ db, allIntakes }: MinutesCast) {
  const withIntake = new Set(allIntakes.flatMap((i) => (i.studentId ? [i.studentId] : [])));
  const picked = new Set<string>();
  const gezag = (id: string) =>
    db
      .select()
      .from(guardians)
      .where(and(eq(guardians.studentId, id), eq(guardians.parentalAuthority, true)))
      .all().length;
  return (className: string, from: number) => {
    const list = db.select().from(students).where(eq(students.className, className)).orderBy(asc(students.studentNumber)).all();
    const free = [...list.slice(from), ...list.slice(0, from)].filter((s) => !withIntake.has(s.id) && !picked.has(s.id));
    const chosen = free.find((s) => gezag(s.id) === 2) ?? free[0]!;
    picked.add(chosen.id);
    return chosen;
  };
}
