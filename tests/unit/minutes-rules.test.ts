import { describe, expect, it } from 'vitest';
import {
  actionNumber,
  actionOrigin,
  actionProblems,
  compareNumbers,
  defaultAudience,
  fieldKeyPattern,
  fieldsOf,
  infoField,
  isOverdue,
  nextSequence,
  questionFromIntake,
} from '../../electron/features/minutes/rules';

const complete = {
  what: 'Gesprek met ouders',
  holder: { kind: 'staff' as const, staffId: 's1', partnerId: null },
  due: { kind: 'datum' as const, date: '2027-03-20' },
};

describe('the rules of the minutes', () => {
  it('lets a parent read the question, decision and response, and keeps the discussion and new information internal', () => {
    expect(fieldsOf('casus').map((f) => `${f.key}:${f.audience}`)).toEqual([
      'vraag:ouders',
      'bespreking:intern',
      'besluit:ouders',
      'informeren:intern',
      'reactie:ouders',
    ]);
    expect(fieldsOf('mededelingen').map((f) => `${f.key}:${f.audience}`)).toEqual(['notities:intern']);
    expect(defaultAudience(infoField('staff:abc'))).toBe('intern');
    expect(defaultAudience('besluit')).toBe('ouders');
  });

  it('accepts only the paragraphs the minutes know', () => {
    for (const ok of ['vraag', 'notities', 'info:staff:9f1c-2', 'info:partner:abc', 'info:ouders', 'info:leerling'])
      expect(fieldKeyPattern.test(ok)).toBe(true);
    for (const bad of ['', 'Vraag', 'info:', 'info:staff:', 'info:oma', 'vraag; drop table', 'info:staff:a/b'])
      expect(fieldKeyPattern.test(bad)).toBe(false);
  });

  it('starts the minutes of a case from the intake question', () => {
    expect(questionFromIntake({ aanleiding: ' Vaak afwezig. ', vraag: 'Jeugdarts?' })).toBe('Aanleiding: Vaak afwezig.\nVraag: Jeugdarts?');
    expect(questionFromIntake({ vraag: 'Jeugdarts?', zorgen: { verzuim: 'x' } })).toBe('Vraag: Jeugdarts?');
    expect(questionFromIntake({})).toBe('');
  });

  it('names what keeps an action a concept, per field, in Dutch', () => {
    expect(actionProblems(complete, '2027-03-12', true)).toEqual({});
    expect(actionProblems({ what: ' ', holder: null, due: null }, '2027-03-12', true)).toEqual({
      what: 'Beschrijf wat er moet gebeuren.',
      holder: 'Kies wie de actie uitvoert (de actiehouder).',
      due: 'Kies een datum of "volgende overleg".',
    });
    expect(actionProblems({ ...complete, due: { kind: 'datum', date: '2027-03-11' } }, '2027-03-12', true).due).toBe(
      'De deadline (11-03-2027) ligt vóór het overleg van 12-03-2027.',
    );
    expect(actionProblems({ ...complete, due: { kind: 'datum', date: '2027-03-12' } }, '2027-03-12', true)).toEqual({});
    expect(actionProblems({ ...complete, due: { kind: 'volgende-overleg' } }, '2027-03-12', false).due).toContain('geen volgend overleg');
    expect(
      actionProblems({ ...complete, holder: { kind: 'partner', staffId: null, partnerId: null } }, '2027-03-12', true).holder,
    ).toContain('externe partner');
    expect(actionProblems({ ...complete, holder: { kind: 'ouders', staffId: null, partnerId: null } }, '2027-03-12', true)).toEqual({});
  });

  it('numbers actions by item and keeps counting after removed ones', () => {
    expect(actionNumber(3, 2)).toBe('3.2');
    expect(actionOrigin('3.2', 'ZAT', '2027-03-12')).toBe('3.2 uit ZAT 12-03-2027');
    expect(nextSequence([])).toBe(1);
    expect(nextSequence(['3.1', '3.3'])).toBe(4);
    expect(['10.1', '5.2', '5.10', '5.1'].sort(compareNumbers)).toEqual(['5.1', '5.2', '5.10', '10.1']);
  });

  it('calls an open action overdue only after its day', () => {
    expect(isOverdue('open', '2027-03-12', '2027-03-12')).toBe(false);
    expect(isOverdue('open', '2027-03-12', '2027-03-13')).toBe(true);
    expect(isOverdue('gedaan', '2027-03-12', '2027-03-13')).toBe(false);
    expect(isOverdue('open', null, '2027-03-13')).toBe(false);
  });
});

describe('completing a staff code', () => {
  it('takes an exact code, an exact name or the only match, and nothing when unclear', async () => {
    const { typedHolder } = await import('../../renderer/features/minutes/holder-options');
    const groups = [
      {
        group: 'Medewerkers',
        items: [
          { value: 'staff:1', label: 'awo — Anna Wolters' },
          { value: 'staff:2', label: 'bgr — Bram Groen' },
          { value: 'staff:3', label: 'bgro — Bas Groot' },
        ],
      },
      {
        group: 'Thuis',
        items: [
          { value: 'ouders', label: 'Ouders' },
          { value: 'leerling', label: 'Leerling' },
        ],
      },
    ];
    expect(typedHolder(groups, 'AWO')).toBe('staff:1');
    expect(typedHolder(groups, 'bgr')).toBe('staff:2');
    expect(typedHolder(groups, 'ouders')).toBe('ouders');
    expect(typedHolder(groups, 'wolt')).toBe('staff:1');
    expect(typedHolder(groups, 'gro')).toBeNull();
    expect(typedHolder(groups, ' ')).toBeNull();
  });
});
