import type { VaultDb } from '../../../db/open';
import { registry } from '../../shared/registry';

/**
 * A student's timeline: intakes, consent, meetings with their decision, actions, letters. Each of
 * those domains is built on people, so each registers its entries here at start-up and the
 * people domain imports none of them.
 */
export interface TimelineEntry {
  /** yyyy-MM-dd. */
  date: string;
  kind: 'aanmelding' | 'toestemming' | 'overleg' | 'actie' | 'brief';
  title: string;
  detail: string;
  /** Where the entry leads: an intake or a meeting. */
  ref: { type: 'aanmelding' | 'overleg'; id: string } | null;
}

export type TimelineSource = (db: VaultDb, studentId: string, userId: string) => TimelineEntry[];

const sources = registry<TimelineSource>();

export function registerTimelineSource(domain: string, source: TimelineSource): void {
  sources.register(domain, source);
}

/** Newest first; on one day in the order the domains build on each other. */
export function studentTimeline(db: VaultDb, studentId: string, userId: string): TimelineEntry[] {
  const order: TimelineEntry['kind'][] = ['aanmelding', 'toestemming', 'overleg', 'actie', 'brief'];
  return sources
    .entries()
    .flatMap((source) => source(db, studentId, userId))
    .sort((a, b) => b.date.localeCompare(a.date) || order.indexOf(b.kind) - order.indexOf(a.kind));
}
