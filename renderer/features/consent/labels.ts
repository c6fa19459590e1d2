import type { MethodOutput } from '../../../electron/app/contract';
import { consentPurposeLabels, type ConsentPurpose } from '../../../electron/features/consent/rules';
import { ApiError } from '../../api/client';
import { formatDate } from '../people/queries';

/** Dutch wording of the consent screens; the rules and the purposes' labels come from electron/features/consent/rules. */

export type ConsentOverview = MethodOutput<'consent.overview'>;
export type ConsentRecordRow = ConsentOverview['records'][number];
export type PartnerCheck = ConsentOverview['upcoming'][number]['checks'][number];

export const decisionLabels = { given: 'gegeven', refused: 'geweigerd' } as const;

export const purposeLabel = (purpose: string) => consentPurposeLabels[purpose as ConsentPurpose] ?? purpose;

/** The state of a record today, as its badge says it. */
export function stateBadge(record: Pick<ConsentRecordRow, 'state' | 'withdrawnOn'>): { label: string; color: string } {
  switch (record.state) {
    case 'valid':
      return { label: 'geldig', color: 'teal' };
    case 'refused':
      return { label: 'geweigerd', color: 'red' };
    case 'withdrawn':
      return { label: `ingetrokken op ${formatDate(record.withdrawnOn)}`, color: 'orange' };
    case 'expired':
      return { label: 'verlopen', color: 'gray' };
    case 'future':
      return { label: 'nog niet geldig', color: 'blue' };
  }
}

/** "Marieke de Vries (nog niet gevraagd), Mark de Vries (ingetrokken op 03-11-2026)" */
export const missingText = (check: Pick<PartnerCheck, 'missing'>) => check.missing.map((m) => `${m.name} (${m.reason})`).join(', ');

/**
 * Puts the backend's field messages on the form, next to their fields. Returns false when some
 * message has no field here (or there are none), so the caller shows the error as a whole too.
 */
export function showFieldErrors(error: unknown, known: readonly string[], setErrors: (errors: Record<string, string>) => void): boolean {
  if (!(error instanceof ApiError)) return false;
  const entries = Object.entries(error.fields).map(([key, message]) => [key.split('.')[0]!, message] as const);
  const mine = entries.filter(([key]) => known.includes(key));
  if (mine.length > 0) setErrors(Object.fromEntries(mine));
  return mine.length > 0 && mine.length === entries.length;
}
