import type { VaultDb } from '../../../db/open';
import { registry } from '../../shared/registry';

/**
 * What linking an anonymous case to a student asks the domains built on intakes: the agenda
 * items of the case, and with them their minutes, decisions and actions, move to the student, so
 * the timeline, the action lists and an inzage are complete. Those domains register their part
 * at start-up; the intake domain imports none of them. Each returns what it moved, in words for
 * the Logboek ("2 agendapunten").
 */
export type CaseLinkStep = (db: VaultDb, link: { intakeId: string; studentId: string; studentName: string }) => string | null;

const steps = registry<CaseLinkStep>();

export function registerCaseLinkStep(domain: string, step: CaseLinkStep): void {
  steps.register(domain, step);
}

/** Runs every registered step in registration order (the agenda before the minutes); returns what moved. */
export function linkCaseEverywhere(db: VaultDb, link: { intakeId: string; studentId: string; studentName: string }): string[] {
  return steps.entries().flatMap((step) => step(db, link) ?? []);
}
