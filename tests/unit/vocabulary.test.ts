import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vocabulary } from '../../electron/shared/vocabulary';

describe('vocabulary', () => {
  const [kinds, kindLabels] = vocabulary({ ggd: 'GGD / jeugdarts', 'overdracht-swv': 'Overdracht', anders: 'Anders' });

  it('gives the keys in the order they are written, each with its label', () => {
    expect(kinds).toEqual(['ggd', 'overdracht-swv', 'anders']);
    expect(kinds.map((k) => kindLabels[k])).toEqual(['GGD / jeugdarts', 'Overdracht', 'Anders']);
  });

  it('gives keys a zod enum accepts, and that enum refuses any other word', () => {
    const kind = z.enum(kinds);
    expect(kind.parse('overdracht-swv')).toBe('overdracht-swv');
    expect(kind.safeParse('politie').success).toBe(false);
  });
});
