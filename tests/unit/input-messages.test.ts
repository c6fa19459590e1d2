import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames } from '../../electron/app/contract';
import { fieldLabels } from '../../electron/api/input-messages';

/** What the walk needs of a schema's internals (zod keeps its definition and checks' bounds there). */
interface Inner {
  _zod: { def: { type: string } & Record<string, unknown>; bag: Record<string, unknown> };
}
const inner = (schema: unknown) => schema as Inner;
const asSchema = (schema: unknown) => schema as z.ZodType;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/nullable/default and a transform's input. */
function core(schema: unknown): Inner {
  let s = inner(schema);
  for (;;) {
    const def = s._zod.def;
    if (WRAPPERS.has(def.type)) s = inner(def.innerType);
    else if (def.type === 'pipe') s = inner(def.in);
    else if (def.type === 'lazy') s = inner((def.getter as () => unknown)());
    else return s;
  }
}

/** Inputs that break each rule the schema states: a wrong type, one over its maximum, under its minimum, outside its list. */
function violations(schema: unknown): unknown[] {
  const { def, bag } = core(schema)._zod;
  const max = typeof bag.maximum === 'number' && Number.isFinite(bag.maximum) ? bag.maximum : null;
  const min = typeof bag.minimum === 'number' && Number.isFinite(bag.minimum) ? bag.minimum : null;
  switch (def.type) {
    case 'string':
      return [123, ...(max !== null ? ['x'.repeat(max + 1)] : []), '', '###', 'geen datum 31-02'];
    case 'number':
      return ['x', 1.5, ...(max !== null ? [max + 1] : []), ...(min !== null ? [min - 1] : [])];
    case 'boolean':
      return ['x'];
    case 'enum':
    case 'literal':
      return ['__geen__', 7];
    case 'array': {
      const element = core(def.element)._zod.def;
      const sample = element.type === 'string' ? 'a' : element.type === 'enum' ? Object.values(element.entries as object)[0] : null;
      const tooMany = max !== null && (max <= 1000 || sample !== null) ? [Array.from({ length: max + 1 }, () => sample)] : [];
      return ['x', [], [7], ...tooMany];
    }
    default:
      return ['x', 7];
  }
}

interface Field {
  method: string;
  key: string;
  schema: unknown;
}

/** Every named field of a method's input, nested ones included, with the schema the contract gives it. */
function fieldsOf(method: string, schema: unknown, seen = new Set<unknown>()): Field[] {
  const s = core(schema);
  if (seen.has(s)) return [];
  seen.add(s);
  const def = s._zod.def;
  const found: Field[] = [];
  if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
      found.push({ method, key, schema: field }, ...fieldsOf(method, field, seen));
    }
  } else if (def.type === 'array') found.push(...fieldsOf(method, def.element, seen));
  else if (def.type === 'record') found.push(...fieldsOf(method, def.valueType, seen));
  else if (def.type === 'union') for (const option of def.options as unknown[]) found.push(...fieldsOf(method, option, seen));
  else if (def.type === 'intersection') found.push(...fieldsOf(method, def.left, seen), ...fieldsOf(method, def.right, seen));
  return found;
}

const allFields = methodNames.flatMap((method) => fieldsOf(method, contract[method].input));

/** zod's own texts, in Dutch or English: what a user must never read. */
const VALIDATOR_TEXT =
  /Ongeldig|verwacht|ontving|^Te (lang|kort|groot|klein|laat|vroeg):|Onbekende key|Invalid|[Ee]xpected|Too (big|small)/;

describe('every message about bad input is a Dutch sentence (derived from the contract)', () => {
  it('finds the fields of every method', () => {
    expect(allFields.length).toBeGreaterThan(300);
    expect(new Set(allFields.map((f) => f.method)).size).toBeGreaterThan(100);
  });

  it('every input field has a Dutch name for the sentences about it', () => {
    const unnamed = [...new Set(allFields.map((f) => f.key))].filter((key) => !Object.hasOwn(fieldLabels, key));
    expect(unnamed).toEqual([]);
  });

  it('breaking any rule of any field answers a sentence, never validator text', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const field of allFields) {
      const wrapped = z.object({ [field.key]: asSchema(field.schema) });
      for (const value of violations(field.schema)) {
        const result = wrapped.safeParse({ [field.key]: value });
        for (const issue of result.error?.issues ?? []) {
          checked++;
          if (VALIDATOR_TEXT.test(issue.message) || !/^[A-Z"'(]/.test(issue.message) || !/[.!?)]$/.test(issue.message)) {
            bad.push(`${field.method} ${field.key} ← ${JSON.stringify(value)?.slice(0, 30)}: ${issue.message}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect([...new Set(bad)]).toEqual([]);
  });

  it('names the field: a too-long text, a wrong choice, a missing field', () => {
    const messages = (method: keyof typeof contract, input: unknown) =>
      contract[method].input.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(
      messages('students.save', {
        id: null,
        studentNumber: '1',
        givenName: 'Daan',
        infix: '',
        familyName: 'x'.repeat(5001),
      }),
    ).toEqual(expect.arrayContaining(['De achternaam is te lang (maximaal 100 tekens).']));
    expect(
      messages('consent.withdraw', {
        id: 'c1',
        withdrawnOn: '2026-01-01',
        withdrawnBy: 'moeder',
        note: 'x'.repeat(5001),
      }).join(' '),
    ).toMatch(/De notitie is te lang \(maximaal \d+ tekens\)\./);
    expect(messages('agenda.meetings', { scope: 'morgen' })).toEqual(['Kies een van de mogelijkheden bij de keuze.']);
    expect(messages('vault.unlock', {})).toContain('Vul de omgeving in.');
  });

  it('refuses a name with a direction mark or a zero-width character, naming the field', () => {
    const student = {
      id: null,
      givenName: 'Daan',
      infix: '',
      familyName: 'Jansen',
      studentNumber: '104233',
      className: '2B',
      yearLevel: 2,
      level: 'havo',
      birthDate: '2012-03-10',
      mentorId: null,
    };
    expect(contract['students.save'].input.safeParse(student).success).toBe(true);
    for (const [field, value] of [
      ['givenName', 'Da\u200Ean'],
      ['familyName', '\u200FJansen'],
      ['familyName', 'Jan\u200Bsen'],
      ['givenName', 'Da\u200Dan'],
    ] as const) {
      const issues = contract['students.save'].input.safeParse({ ...student, [field]: value }).error?.issues ?? [];
      expect(issues.map((i) => [i.path.join('.'), i.message.split(' bevat')[0]])).toEqual([
        [field, field === 'givenName' ? 'De roepnaam' : 'De achternaam'],
      ]);
    }
  });
});
