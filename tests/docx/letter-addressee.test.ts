import { describe, expect, it } from 'vitest';
import { buildLetterDocx } from '../../electron/export/docx/letter';
import type { LetterCase } from '../../electron/features/letters/facts';
import { lettersFor } from '../../electron/features/letters/letter-jobs';
import { shippedTemplates } from '../../electron/features/letters/shipped-templates';
import type { LetterTemplate } from '../../electron/features/letters/templates';
import { staffCodesAsNames } from '../../electron/features/people/staff-codes';
import { documentText } from './docx-text';
import { lindeboom } from './fixtures';

/**
 * Letters as the family reads them in Word (issue 21): a student of 16 or older is spoken to ("je"),
 * never written to about themselves as "uw kind"; the parents' copy of that letter is the same
 * text; the parents' own letter stays in "u"; and a staff code typed in an action reads as a name.
 */

const staff = [
  { code: 'bgr', name: 'Bram Groen' },
  { code: 'awo', name: 'Anouk Wolters' },
];

/** Noor turned 16 in September; she lives with her mother (gezag) and father (gezag) at one address. */
function noorCase(birthDate: string): LetterCase {
  const home = { street: 'Lindelaan', houseNumber: '4', postalCode: '3512 KL', city: 'Utrecht' };
  return {
    student: {
      id: 's-noor',
      studentNumber: '700109',
      givenName: 'Noor',
      infix: '',
      familyName: 'Visser',
      birthDate,
      className: '4A',
      yearLevel: 4,
      level: 'havo',
      mentorId: null,
      status: 'active',
      leftOn: null,
      searchText: 'noor visser 700109 4a',
      updatedAt: '2026-10-01T10:00:00.000Z',
    },
    guardians: [
      {
        id: 'g-linda',
        relation: 'moeder',
        parentalAuthority: true,
        salutation: 'Geachte mevrouw Visser',
        givenName: 'Linda',
        infix: '',
        familyName: 'Visser',
        ...home,
      },
      {
        id: 'g-rob',
        relation: 'vader',
        parentalAuthority: true,
        salutation: 'Geachte heer Visser',
        givenName: 'Rob',
        infix: '',
        familyName: 'Visser',
        ...home,
      },
    ],
    itemId: 'i-1',
    facts: {
      student: { givenName: 'Noor', infix: '', familyName: 'Visser', className: '4A', studentNumber: '700109' },
      meeting: {
        name: 'ZAT',
        date: '2026-11-12',
        startTime: '13:30',
        location: 'Vergaderkamer',
        caseStartTime: '13:50',
      },
      decision: {
        type: 'basisondersteuning',
        textForParents: staffCodesAsNames('Noor krijgt steun van bgr bij het plannen.', staff),
      },
      actions: [
        {
          what: staffCodesAsNames('Terugkoppelen aan bgr', staff),
          holder: 'Anouk Wolters',
          holderIs: null,
          due: '2026-11-20',
        },
        {
          what: 'Een gesprek plannen met de jeugdarts',
          holder: 'u (ouders)',
          holderIs: 'ouders',
          due: 'volgende-overleg',
        },
        { what: 'Een planning maken voor de toetsweek', holder: 'Noor', holderIs: 'leerling', due: 'volgende-overleg' },
      ],
      consent: null,
      coordinator: {
        name: 'Anouk Wolters',
        role: 'ondersteuningscoördinator',
        email: 'zorgteam@lindeboomcollege.example',
      },
      school: { name: lindeboom.schoolName, phone: lindeboom.phone, email: lindeboom.email },
    },
  };
}

const shipped = shippedTemplates.find((t) => t.key === 'terugkoppeling')!;
const template: LetterTemplate = {
  id: shipped.key,
  shippedKey: shipped.key,
  name: shipped.name,
  subject: shipped.subject,
  body: shipped.body,
  edited: false,
  needs: shipped.needs,
};
const signatory = { name: 'Anouk Wolters', role: 'Ondersteuningscoördinator' };

async function wordText(letterCase: LetterCase, copyToParents: boolean) {
  const letters = lettersFor(letterCase, { template, options: { includeWithoutAuthority: [], copyToParents } }, '2026-12-01', signatory);
  const texts = await Promise.all(
    letters.map(async ({ letter }) =>
      documentText(
        await buildLetterDocx({
          school: { letterhead: lindeboom, logo: null },
          title: letter.subject,
          letters: [letter],
        }),
      ),
    ),
  );
  return { letters, texts };
}

/** The words that show a letter speaks to parents about their child. */
const parentsWords = [/\buw kind\b/i, /\buw zoon\b/i, /\buw dochter\b/i, /\bleest u\b/, /\bBent u\b/, /\bu \(ouders\)/];

describe('letters to a student of 16 or older', () => {
  it('speak to the student ("je"), and the parents’ copy is that same letter', async () => {
    const { letters, texts } = await wordText(noorCase('2010-09-15'), true);
    expect(letters.map((l) => l.recipients)).toEqual(['Noor Visser', 'Mevr. L. Visser en Dhr. R. Visser (afschrift)']);
    const [toNoor, copy] = texts as [string, string];
    expect(toNoor).toContain('Beste Noor,');
    expect(toNoor).toContain('Wat we met je hebben afgesproken');
    expect(toNoor).toContain(
      'hebben wij in ons ondersteuningsoverleg (ZAT) over jou gesproken. In deze brief lees je wat wij hebben besloten',
    );
    expect(toNoor).toContain('Een gesprek plannen met de jeugdarts — je ouders — voor het volgende overleg');
    expect(toNoor).toContain('Een planning maken voor de toetsweek — jij — voor het volgende overleg');
    expect(toNoor).toContain('Heb je vragen?');
    for (const words of parentsWords) expect(toNoor).not.toMatch(words);
    // The copy holds the student's letter word for word below its own envelope.
    expect(copy).toContain('Afschrift van de brief aan Noor Visser');
    expect(copy).toContain('In deze brief lees je wat wij hebben besloten');
    for (const words of parentsWords) expect(copy).not.toMatch(words);
  });

  it('a student of 15 gets no letter of their own: the parents read "u" about their child', async () => {
    const { letters, texts } = await wordText(noorCase('2011-09-15'), true);
    expect(letters.map((l) => l.recipients)).toEqual(['Mevr. L. Visser en Dhr. R. Visser']);
    const [toParents] = texts as [string];
    expect(toParents).toContain('Wat we hebben afgesproken over Noor');
    expect(toParents).toContain('In deze brief leest u wat wij hebben besloten');
    expect(toParents).toContain('Een gesprek plannen met de jeugdarts — u (ouders) — voor het volgende overleg');
    expect(toParents).not.toMatch(/\bje\b|\bjij\b/);
  });

  it('names staff, not their codes, in the decision and the actions', async () => {
    for (const age of ['2010-09-15', '2011-09-15']) {
      const { texts } = await wordText(noorCase(age), false);
      for (const text of texts) {
        expect(text).toContain('Noor krijgt steun van Bram Groen bij het plannen.');
        expect(text).toContain('Terugkoppelen aan Bram Groen — Anouk Wolters — uiterlijk 20 november 2026');
        expect(text).not.toMatch(/\bbgr\b/i);
      }
    }
  });
});
