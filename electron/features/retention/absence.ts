/**
 * What of an intake counts as absence data (verzuimgegevens), kept longer than the rest of the
 * file: the answer to "Verzuim en resultaten" and the concern written under the area "Verzuim".
 * The form's own keys (intake/form.ts); nothing else in the vault is absence data.
 */
export function absenceText(answers: Record<string, unknown>): string | null {
  const parts: string[] = [];
  const figures = answers['verzuim-resultaten'];
  if (typeof figures === 'string' && figures.trim()) parts.push(`Verzuim en resultaten: ${figures.trim()}`);
  const concerns = answers.zorgen;
  if (typeof concerns === 'object' && concerns !== null && 'verzuim' in concerns) {
    const verzuim = (concerns as { verzuim: unknown }).verzuim;
    if (typeof verzuim === 'string' && verzuim.trim()) parts.push(`Zorgen over verzuim: ${verzuim.trim()}`);
  }
  return parts.length > 0 ? parts.join('\n') : null;
}
