import { AxeBuilder } from '@axe-core/playwright';
import axeCore from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.1 level A and AA: the rule sets the issue asks for (axe's best-practice rules are not in it). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The impacts that fail a test: a serious or critical violation blocks someone from using the screen. */
const blocking = new Set(['serious', 'critical']);

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core with the WCAG 2.1 A/AA rules on what the page shows now; returns its serious and critical violations. */
export async function axeFindings(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations
    .filter((v) => blocking.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      // The selector, and what axe saw there (for contrast: the two colours and the ratio).
      targets: v.nodes.map((n) => [n.target.join(' '), [...n.any, ...n.all, ...n.none][0]?.message].filter(Boolean).join(' — ')),
    }));
}

/**
 * Every form field the user sees now (in the open dialog when one is open) and its accessible
 * name as axe-core computes it. Radios are named with their group, as a screen reader says them.
 */
export async function fieldNames(page: Page): Promise<{ name: string; field: string }[]> {
  await page.evaluate(axeCore.source);
  return page.evaluate(() => {
    type AxeText = {
      setup(node: Element): void;
      teardown(): void;
      commons: { text: { accessibleText(el: Element): string } };
    };
    const axe = (window as unknown as { axe: AxeText }).axe;
    const dialogs = [...document.querySelectorAll('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]')].filter(
      (d) => (d as HTMLElement).offsetParent !== null || d.getClientRects().length > 0,
    );
    // The dialog on top is the one with the focus (Mantine traps it there); stacked dialogs need not be in DOM order.
    const scope = dialogs.find((d) => d.contains(document.activeElement)) ?? dialogs.at(-1) ?? document.body;
    axe.setup(document.documentElement);
    try {
      const fields = [...scope.querySelectorAll('input, select, textarea')].filter((el) => {
        if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
        if (el.closest('[aria-hidden="true"], [hidden], [inert]')) return false;
        const style = getComputedStyle(el);
        // Mantine's checkboxes and radios draw their own box over a transparent input: still a field.
        return style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
      });
      return fields.map((el) => {
        const own = axe.commons.text.accessibleText(el).trim().replace(/\s+/g, ' ');
        const group = el instanceof HTMLInputElement && el.type === 'radio' ? el.closest('[role="radiogroup"], fieldset') : null;
        const name = group ? `${axe.commons.text.accessibleText(group).trim().replace(/\s+/g, ' ')} › ${own}` : own;
        const id = el.id ? `#${el.id}` : '';
        return { name, field: `${el.tagName.toLowerCase()}${id}` };
      });
    } finally {
      axe.teardown();
    }
  });
}

/** The fields without a name, and the names more than one field has. */
export function nameProblems(fields: { name: string; field: string }[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string[]>();
  for (const f of fields) {
    if (!f.name || f.name.endsWith('› ')) problems.push(`${f.field} heeft geen toegankelijke naam`);
    else seen.set(f.name, [...(seen.get(f.name) ?? []), f.field]);
  }
  for (const [name, all] of seen) if (all.length > 1) problems.push(`"${name}" is de naam van ${all.length} velden (${all.join(', ')})`);
  return problems;
}

/**
 * Fails with a readable list when the page as it is now has a serious or critical WCAG 2.1 AA
 * violation, or a form field without a name of its own.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const findings = await axeFindings(page);
  const problems = nameProblems(await fieldNames(page));
  if (findings.length === 0 && problems.length === 0) return;
  const lines = [
    ...findings.map(
      (f) =>
        `- [${f.impact}] ${f.rule}: ${f.help}\n    ${f.targets.slice(0, 5).join('\n    ')}${f.targets.length > 5 ? `\n    … en ${f.targets.length - 5} meer` : ''}`,
    ),
    ...problems.map((p) => `- [veldnaam] ${p}`),
  ];
  throw new Error(`Toegankelijkheid van "${label}":\n${lines.join('\n')}`);
}
