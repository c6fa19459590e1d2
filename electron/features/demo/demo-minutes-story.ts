import { addDays, format, parseISO } from 'date-fns';
import type { Audience, DecisionType } from '../minutes/vocabulary';
import type { IsoDate } from '../../shared/school-year';

/**
 * The words the demo's meeting history is told in: a student's storyline is a list of case
 * stories, one per discussion, each with the actions agreed and what became of them. The stories
 * themselves are in demo-iot-stories.ts and demo-zat-stories.ts; demo-minutes.ts seeds them.
 */

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
export const shift = (date: IsoDate, days: number) => iso(addDays(parseISO(date), days));
export const dutch = (date: IsoDate) => format(parseISO(date), 'dd-MM-yyyy');
export const earliest = (...dates: IsoDate[]) => dates.reduce((a, b) => (a < b ? a : b));
export const latest = (...dates: IsoDate[]) => dates.reduce((a, b) => (a > b ? a : b));

export type PartnerKey = 'swv' | 'sociaal' | 'jeugdhulp' | 'ggd' | 'leerplicht';
/** A staff code ("awo"), or an external partner ("partner:ggd"). */
export type Person = string;
/** Who holds an action: a person, the student's mentor, the parents or the student. */
export type Holder = Person | 'mentor' | 'ouders' | 'leerling';

/**
 * What happened to an action, independent of the day: the due date follows from the meeting and
 * `today`. 'overdue' stays open with a date already passed; 'open' is due in the future.
 */
export type ActionFate = 'gedaan' | 'teruggekoppeld' | 'vervallen' | 'open' | 'overdue' | 'volgende-overleg';

export interface ActionPlan {
  what: string;
  holder: Holder;
  fate: ActionFate;
  /** Days after the meeting it was due (before `today` moves it). */
  days?: number;
  note?: string;
  audience?: Audience;
}

/** One discussion of a student: the paragraphs of the minutes, the decision and the actions. */
export interface CaseStory {
  /** Empty: the question comes from the intake, as the minutes screen prefills it. */
  question?: string;
  info: [Person, string][];
  discussion: string;
  decision: DecisionType;
  decisionText: string;
  inform: string;
  reaction?: string;
  actions: ActionPlan[];
  confidential?: boolean;
  /** The student's actions "tot het volgende overleg" are reported back here. */
  reportsBack?: boolean;
  /** A correction added after the minutes were fixed, given the numbers of this case's actions. */
  addendum?: (numbers: string[]) => string;
}

/** A student's discussions in one series, in order: the first time, then each return. */
export interface Storyline {
  presenter: string;
  stories: CaseStory[];
}

/** Gives a student a storyline: who presents them, and their stories told with their given name. */
export type Tell = (studentId: string, presenter: string, stories: (name: string) => CaseStory[]) => void;

/** Where a meeting's minutes stand: fixed, waiting to be fixed at the next meeting, or running. */
export type Role = 'vastgesteld' | 'ter-vaststelling' | 'bezig';

export interface SeriesPlan {
  /** Students brought in by hand, per slot (oldest of the three first). */
  byHand: string[][];
  announcements: string[];
  rondvraag: string[];
  /** An item added to the running meeting after its agenda went out. */
  lateItem: string;
}

/** How a student's case comes back when the story has nothing more to say. */
export const followUp = (name: string, decision: DecisionType): CaseStory => ({
  question: 'Terugkoppeling van de open acties.',
  info: [],
  discussion: `De open acties rond ${name} zijn doorgenomen; ze lopen volgens afspraak.`,
  decision,
  decisionText: 'Geen nieuwe afspraken: de lopende acties blijven staan.',
  inform: 'De mentor informeert ouders.',
  actions: [],
});
