import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agendaMinutes,
  clockAfter,
  composeAgenda,
  itemNumbers,
  moveTo,
  standardTemplate,
  startTimes,
  type TemplateItem,
} from '../../electron/features/agenda/template';

const item = (durationMinutes: number, change: string | null = null) => ({ durationMinutes, change });

describe('the agenda template and its times', () => {
  it('puts the cases after the action points, and after the first standard item a shorter template has', () => {
    const composed = composeAgenda<TemplateItem | string>(standardTemplate, ['Daan', 'Sara']);
    expect(composed.map((i) => (typeof i === 'string' ? i : i.kind))).toEqual([
      'opening',
      'mededelingen',
      'notulen',
      'actiepunten',
      'Daan',
      'Sara',
      'rondvraag',
      'sluiting',
      'volgende-overleg',
    ]);
    const short: TemplateItem[] = [
      { kind: 'opening', title: 'Opening', minutes: 2 },
      { kind: 'rondvraag', title: 'Rondvraag', minutes: 5 },
    ];
    expect(composeAgenda<TemplateItem | string>(short, ['Daan']).map((i) => (typeof i === 'string' ? i : i.kind))).toEqual([
      'opening',
      'Daan',
      'rondvraag',
    ]);
    expect(composeAgenda<TemplateItem | string>([], ['Daan'])).toEqual(['Daan']);
  });

  it('gives each item the start its slots add up to; a lapsed item has no time and no number', () => {
    const items = [item(2), item(10), item(10, 'vervallen'), item(15, 'toegevoegd'), item(5)];
    expect(startTimes('13:30', items)).toEqual(['13:30', '13:32', null, '13:42', '13:57']);
    expect(itemNumbers(items)).toEqual([1, 2, null, 3, 4]);
    expect(agendaMinutes(items)).toBe(32);
    expect(clockAfter('23:50', 20)).toBe('00:10');
  });

  it('moves one item and keeps the others in order, whatever the positions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (list, f, t) => {
        const from = f % list.length;
        const to = t % list.length;
        const moved = moveTo(list, from, to);
        expect(moved).toHaveLength(list.length);
        expect(moved[to]).toBe(list[from]);
        const rest = [...list];
        rest.splice(from, 1);
        expect(moved.filter((_, i) => i !== to)).toEqual(rest);
      }),
    );
  });
});
