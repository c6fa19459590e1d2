import type { VaultDb } from '../../../db/open';
import type { CaseOrigin } from './vocabulary';
import { firstReason, registry } from '../../shared/registry';

/**
 * What the agenda asks the domains built on it (the minutes and their actions), which register
 * their answers at start-up, so the agenda imports nothing from them.
 *
 * Cases the agenda should offer besides accepted intakes: a student to "come back at the next
 * meeting", a student with actions due.
 */
export interface CaseSuggestion {
  studentId: string;
  origin: Exclude<CaseOrigin, 'aanmelding' | 'handmatig'>;
  /** Why, in the team's words: "terugkomen (besluit IOT 12-01-2027)", "2 open acties". */
  reason: string;
  /** A referral: the case that sent the student here; the new item keeps it (its question, its history). */
  fromItemId?: string;
  /** The question the case arrives with (a referral carries the referring case's question). */
  question?: string;
}

export interface MeetingInSeries {
  id: string;
  seriesId: string | null;
  date: string;
}

export type CaseSource = (db: VaultDb, meeting: MeetingInSeries) => CaseSuggestion[];

const sources = registry<CaseSource>();

export function registerCaseSource(domain: string, source: CaseSource): void {
  sources.register(domain, source);
}

export function suggestedCases(db: VaultDb, meeting: MeetingInSeries): CaseSuggestion[] {
  return sources.entries().flatMap((source) => source(db, meeting));
}

/**
 * Why an agenda item may not be taken off the agenda (minutes were typed for it), or null. The
 * minutes register this too: removing an item would otherwise delete what the secretary typed.
 */
export type ItemRemovalGuard = (db: VaultDb, itemId: string) => string | null;

const removalGuards = registry<ItemRemovalGuard>();

export function registerItemRemovalGuard(domain: string, guard: ItemRemovalGuard): void {
  removalGuards.register(domain, guard);
}

export function itemRemovalRefusal(db: VaultDb, itemId: string): string | null {
  return firstReason(removalGuards.entries(), (guard) => guard(db, itemId));
}
