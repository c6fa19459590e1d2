import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { shippedTemplates, type TemplateNeed } from './shipped-templates';
import { templateRows } from './store';

/** The templates a school has: the shipped ones (as the school edited them, if it did) and its own. */
export interface LetterTemplate {
  /** The shipped key ('terugkoppeling') or the row id of the school's own template. */
  id: string;
  shippedKey: string | null;
  name: string;
  subject: string;
  body: string;
  /** A shipped template the school changed: "standaardtekst terugzetten" is possible. */
  edited: boolean;
  needs: TemplateNeed[];
}

export function letterTemplates(db: VaultDb): LetterTemplate[] {
  const rows = templateRows(db);
  const shipped = shippedTemplates.map((t) => {
    const row = rows.find((r) => r.shippedKey === t.key);
    return {
      id: t.key,
      shippedKey: t.key,
      name: row?.name ?? t.name,
      subject: row?.subject ?? t.subject,
      body: row?.body ?? t.body,
      edited: row !== undefined,
      needs: t.needs,
    };
  });
  const own = rows
    .filter((r) => r.shippedKey === null)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((r) => ({
      id: r.id,
      shippedKey: null,
      name: r.name,
      subject: r.subject,
      body: r.body,
      edited: false,
      needs: [] as TemplateNeed[],
    }));
  return [...shipped, ...own];
}

export function letterTemplate(db: VaultDb, id: string): LetterTemplate {
  const found = letterTemplates(db).find((t) => t.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'Deze briefsjabloon bestaat niet (meer).');
  return found;
}

export const isShippedKey = (id: string) => shippedTemplates.some((t) => t.key === id);
