import { getISODay, parseISO } from 'date-fns';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { meetings } from '../../../db/schema';
import { applyYear } from '../schedule/apply-year-plan';
import { calendarFor, planningWindow, schoolRegion } from '../schedule/store';
import { schoolYearOf, type IsoDate } from '../../shared/school-year';
import { tellIotStories, iotPlan, type IotStudents } from './demo-iot-stories';
import { minutesCast, studentPicker, type MinutesCast } from './demo-minutes-cast';
import { shift, type Role, type SeriesPlan } from './demo-minutes-story';
import { seedSeriesMinutes } from './demo-series-minutes';
import { giveZatConsent, studentSignsForJeugdarts } from './demo-zat-consent';
import { tellZatStories, zatPlan, type ZatStudents } from './demo-zat-stories';

/**
 * The demo school's meeting history for the IOT and the ZAT: the last three meetings of each
 * with agendas, presence, minutes per case, decisions and actions. One series has a meeting
 * running (today's, or its most recent one), whose previous minutes wait to be fixed; the other's
 * most recent minutes wait to be fixed at its next meeting. Older meetings are closed with a note.
 *
 * The story follows students (some with an intake from demo-intakes.ts) across meetings, and the
 * agendas are put together the way agenda.create does: intakes, "terugkomen", students with
 * actions due, then cases added by hand. Everything is dated from `today`, and the due dates
 * are chosen against it, so overdue, open and done actions exist whatever day the demo is made.
 *
 * The order below is the order of seeding; ids, audit lines and timestamps follow it.
 */
export function seedDemoMinutes(db: VaultDb, today: IsoDate): void {
  const cast = minutesCast(db, today);
  const { iot, zat, allIntakes } = cast;

  // The cases demo-intakes.ts made: discussed at the last IOT, closed at the last ZAT, and the
  // student referred from the IOT to the next ZAT.
  const daanIntake = allIntakes.find((i) => i.status === 'besproken' && i.seriesId === iot.id && i.studentId);
  const zoeIntake = allIntakes.find((i) => i.status === 'afgesloten' && i.seriesId === zat.id && i.studentId);
  const semIntake = allIntakes.find(
    (i) => i.status === 'geaccepteerd' && i.seriesId === zat.id && i.studentId && i.referrerId === cast.staffId('bgr'),
  );

  const pick = studentPicker(cast);
  const iotStudents: IotStudents = {
    sem: semIntake ? semIntake.studentId! : pick('2B', 0).id,
    faal: pick('3V', 4).id,
    huiswerk: pick('1C', 6).id,
    pesten: pick('2C', 3).id,
    somber: pick('3H', 10).id,
    daan: daanIntake ? daanIntake.studentId! : null,
  };
  const zatStudents: ZatStudents = {
    verzuim: pick('3K', 2).id,
    thuis: pick('2D', 4).id,
    opp: pick('1D', 8).id,
    zoe: zoeIntake ? zoeIntake.studentId! : null,
  };
  tellIotStories(cast.tell, iotStudents);
  tellZatStories(cast.tell, zatStudents);
  const plans: Record<'IOT' | 'ZAT', SeriesPlan> = { IOT: iotPlan(iotStudents), ZAT: zatPlan(zatStudents) };

  const slotsOf = { IOT: lastThreeMeetings(cast, iot), ZAT: lastThreeMeetings(cast, zat) };
  // The running meeting: today's, else the most recent one of either series.
  const lastIot = slotsOf.IOT.at(-1)!;
  const lastZat = slotsOf.ZAT.at(-1)!;
  const running: 'IOT' | 'ZAT' = lastIot.date === today || (lastZat.date !== today && lastIot.date > lastZat.date) ? 'IOT' : 'ZAT';

  giveZatConsent(cast, plans.ZAT.byHand, slotsOf.ZAT);
  if (zoeIntake) studentSignsForJeugdarts(cast, zoeIntake);

  for (const name of ['IOT', 'ZAT'] as const) {
    const roles: Role[] =
      name === running ? ['vastgesteld', 'ter-vaststelling', 'bezig'] : ['vastgesteld', 'vastgesteld', 'ter-vaststelling'];
    const slots = slotsOf[name];
    const offset = roles.length - slots.length;
    seedSeriesMinutes(
      cast,
      slots.map((m, i) => ({ meeting: m, role: roles[i + offset]! })),
      plans[name],
      offset,
    );
  }
}

/** A series' last three meetings up to today; early in the school year the previous year supplies them. */
function lastThreeMeetings({ db, today }: MinutesCast, series: MinutesCast['iot']): (typeof meetings.$inferSelect)[] {
  const meetingsUpTo = () =>
    db
      .select()
      .from(meetings)
      .where(and(eq(meetings.seriesId, series.id), lte(meetings.date, today)))
      .orderBy(asc(meetings.date), asc(meetings.startTime))
      .all();
  if (meetingsUpTo().length < 3 && series.weekday !== null) {
    const previousYear = schoolYearOf(shift(`${schoolYearOf(today).slice(0, 4)}-08-01`, -1));
    const window = planningWindow(previousYear, schoolRegion(db));
    const calendar = calendarFor(db);
    let first = window.start;
    while (getISODay(parseISO(first)) !== series.weekday || calendar.closedReason(first) !== null) first = shift(first, 1);
    applyYear(db, { seriesId: series.id, schoolYear: previousYear, firstDate: first });
  }
  return meetingsUpTo().slice(-3);
}
