import type { MethodOutput } from '../../../electron/app/contract';

export type SavedForm = MethodOutput<'intakeForm.get'>;
export type Question = SavedForm['questions'][number];

/** "eigen-<slug>", unique in this form and within the contract's key pattern. */
export function customKey(label: string, taken: Set<string>): string {
  const slug =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 44)
      .replace(/-+$/, '') || 'vraag';
  const base = `eigen-${slug}`;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/** The id of a question's move button: after a move, the focus follows the question. */
export const moveButtonId = (key: string, direction: -1 | 1) => `vraag-${key}-${direction === -1 ? 'omhoog' : 'omlaag'}`;
