import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildLetterDocx } from '../../electron/export/docx/letter';
import type { LetterDocument, LetterDocumentLetter } from '../../electron/export/docx/models';
import { letterValues, type LetterFacts } from '../../electron/features/letters/letter-values';
import { mergeTemplate, mergeText } from '../../electron/features/letters/template-merge';
import { shippedTemplates } from '../../electron/features/letters/shipped-templates';
import { letterAddressees, type AddresseeGuardian } from '../../electron/features/people/letter-recipients';
import { lindeboom } from './fixtures';

// Set DOCX_OUT=/tmp/brief.docx to keep the sample letters and look at them (scripts/render-docx.mjs).

const student = {
  givenName: 'Zoë',
  infix: 'de',
  familyName: 'Vries',
  birthDate: '2013-03-14',
  className: '2B',
  studentNumber: '500101',
};

const guardians: AddresseeGuardian[] = [
  {
    id: 'm',
    relation: 'moeder',
    parentalAuthority: true,
    givenName: 'Sanne',
    infix: 'de',
    familyName: 'Vries-Bakker',
    salutation: 'Geachte mevrouw De Vries-Bakker',
    street: 'Lindelaan',
    houseNumber: '4',
    postalCode: '3512 KL',
    city: 'Utrecht',
  },
  {
    id: 'v',
    relation: 'vader',
    parentalAuthority: true,
    givenName: 'Pieter Jan',
    infix: 'de',
    familyName: 'Vries',
    salutation: 'Geachte heer De Vries',
    street: 'Dijk',
    houseNumber: '17a',
    postalCode: '3431 KL',
    city: 'Nieuwegein',
  },
];

const template = shippedTemplates.find((t) => t.key === 'terugkoppeling')!;

/** Parents who live apart: the same letter twice, each with their own envelope and salutation. */
function sampleDocument(): LetterDocument {
  const addressees = letterAddressees({ student, guardians, letterDate: '2026-12-01' });
  const letters = addressees.map((to): LetterDocumentLetter => {
    const facts: LetterFacts = {
      student,
      addressees: to.names,
      meeting: {
        name: 'ZAT',
        date: '2026-11-12',
        startTime: '14:00',
        location: 'Vergaderkamer',
        caseStartTime: '14:20',
      },
      decision: {
        type: 'basisondersteuning',
        textForParents: 'Zoë gaat twee keer per week naar de huiswerkklas. Na de kerstvakantie kijken we samen of dat helpt.',
      },
      actions: [
        { what: 'Zoë aanmelden voor de huiswerkklas', holder: 'mevrouw Wolters (mentor)', due: '2026-11-20' },
        { what: 'Een gesprek plannen met de jeugdarts', holder: 'ouders', due: 'volgende-overleg' },
      ],
      consent: null,
      coordinator: {
        name: 'Anna Wolters',
        role: 'ondersteuningscoördinator',
        email: 'a.wolters@lindeboomcollege.example',
      },
      school: { name: lindeboom.schoolName, phone: lindeboom.phone, email: lindeboom.email },
      letterDate: '2026-12-01',
    };
    const values = letterValues(facts);
    const others = addressees.filter((other) => other !== to).flatMap((other) => other.addressNames);
    return {
      addressLines: to.addressLines,
      date: '2026-12-01',
      subject: mergeText(template.subject, values),
      salutation: to.salutation,
      body: mergeTemplate(template.body, values),
      closing: 'Met vriendelijke groet,',
      signatory: { name: 'Anna Wolters', role: 'Ondersteuningscoördinator' },
      copyNote: others.length === 0 ? null : `Afschrift aan: ${others.join(', ')}`,
      reference: '500101/terugkoppeling',
    };
  });
  return { school: { letterhead: lindeboom, logo: null }, title: 'Terugkoppeling Zoë de Vries', letters };
}

async function unzip(buffer: Buffer): Promise<{ document: string; headers: string[]; footers: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (path: string) => zip.file(path)!.async('string');
  const named = (prefix: string) => Object.keys(zip.files).filter((path) => path.startsWith(`word/${prefix}`));
  return {
    document: await read('word/document.xml'),
    headers: await Promise.all(named('header').map(read)),
    footers: await Promise.all(named('footer').map(read)),
  };
}

/** Each paragraph's text, runs joined (a line break as "\n"), entities decoded. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:br\/>|<w:tab\/>|<w:(t|instrText)(?: [^>]*)?>([^<]*)<\/w:\1>/g)]
      .map(([all, kind, text]) =>
        all === '<w:br/>' ? '\n' : all === '<w:tab/>' ? '\t' : kind === 'instrText' ? `‹${(text ?? '').trim()}›` : decode(text ?? ''),
      )
      .join(''),
  );
}

function decode(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

describe('letter (brief)', () => {
  it('writes a Dutch business letter per address, each with its own envelope and salutation', async () => {
    const buffer = await buildLetterDocx(sampleDocument());
    if (process.env.DOCX_OUT) writeFileSync(process.env.DOCX_OUT, buffer);
    const { document, headers, footers } = await unzip(buffer);
    const texts = paragraphTexts(document).filter((t) => t !== '');

    // Two letters, two sections: each starts on a new page with the letterhead on its first page.
    expect(texts.filter((t) => t.startsWith('Betreft:'))).toEqual([
      'Betreft:\tWat we hebben afgesproken over Zoë',
      'Betreft:\tWat we hebben afgesproken over Zoë',
    ]);
    expect(document.match(/<w:sectPr/g)).toHaveLength(2);
    expect(document.match(/<w:titlePg\/>/g)).toHaveLength(2);
    const headerTexts = headers.flatMap(paragraphTexts);
    expect(headerTexts).toContain('Lindeboom College');
    // Pages after the first say which letter they continue.
    expect(headerTexts).toContain('Vervolg: Lindeboom College  ·  kenmerk 500101/terugkoppeling  ·  1 december 2026');
    expect(footers.flatMap(paragraphTexts)).toContain(lindeboom.letterFooter);

    // The envelope, in order, then place and date, reference, subject, salutation.
    const first = texts.indexOf('Mevr. S. de Vries-Bakker');
    expect(texts.slice(first, first + 6)).toEqual([
      'Mevr. S. de Vries-Bakker',
      'Lindelaan 4',
      '3512 KL  Utrecht',
      'Utrecht, 1 december 2026',
      'Kenmerk:\t500101/terugkoppeling',
      'Betreft:\tWat we hebben afgesproken over Zoë',
    ]);
    // The address stands in a frame 2 cm from the left and 5 cm from the top of the page: the envelope's window.
    const addressXml = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((p) => p[0].includes('Lindelaan 4'))![0];
    expect(addressXml).toMatch(/<w:framePr [^>]*w:x="1134"[^>]*w:y="2835"/);
    expect(addressXml).toMatch(/w:hAnchor="page"[^>]*w:vAnchor="page"|w:vAnchor="page"[^>]*w:hAnchor="page"/);
    expect(texts).toContain('Dhr. P.J. de Vries');
    expect(texts).toContain('3431 KL  Nieuwegein');
    expect(texts).toContain('Geachte mevrouw De Vries-Bakker,');
    expect(texts).toContain('Geachte heer De Vries,');

    // The merged body: the decision, the actions as a bulleted list, the contact.
    expect(texts).toContain(
      'Op donderdag 12 november 2026 hebben wij Zoë besproken in ons ondersteuningsoverleg (ZAT). In deze ' +
        'brief leest u wat wij hebben besloten en wat wij hebben afgesproken.',
    );
    // The question heads its answer as a paragraph of its own, in the letter's (bold) question style.
    const question = texts.indexOf('Wat hebben we besloten?');
    expect(texts[question + 1]).toBe(
      'Basisondersteuning op school. Zoë gaat twee keer per week naar de huiswerkklas. Na de kerstvakantie kijken we samen of dat helpt.',
    );
    expect([...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((p) => p[0].includes('>Wat hebben we besloten?<'))![0]).toContain(
      '<w:pStyle w:val="LetterQuestion"/>',
    );
    const action = 'Zoë aanmelden voor de huiswerkklas — mevrouw Wolters (mentor) — uiterlijk 20 november 2026';
    expect(texts.filter((t) => t === action)).toHaveLength(2);
    const actionXml = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].find((p) => p[0].includes('Zoë aanmelden'))![0];
    expect(actionXml).toContain('<w:numPr>');
    expect(texts).toContain('Een gesprek plannen met de jeugdarts — ouders — voor het volgende overleg');

    // Closing, signatory and the copy note.
    expect(texts.filter((t) => t === 'Met vriendelijke groet,')).toHaveLength(2);
    const signed = texts.indexOf('Anna Wolters');
    expect(texts[signed + 1]).toBe('Ondersteuningscoördinator');
    expect(texts).toContain('Afschrift aan: Dhr. P.J. de Vries');
    expect(texts).toContain('Afschrift aan: Mevr. S. de Vries-Bakker');

    for (const text of texts) expect(text).not.toMatch(/\{\{|\}\}|undefined|null|NaN|\[object|Invalid Date/);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('leaves out the town and the copy note when there are none, and prints the school logo', async () => {
    const sample = sampleDocument();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const doc: LetterDocument = {
      ...sample,
      school: { letterhead: { ...lindeboom, city: '' }, logo: { data: png, type: 'png', width: 1, height: 1 } },
      letters: [{ ...sample.letters[0]!, copyNote: null }],
    };
    const buffer = await buildLetterDocx(doc);
    const { document, headers } = await unzip(buffer);
    const texts = paragraphTexts(document);
    expect(texts).toContain('1 december 2026');
    expect(texts.some((t) => t.startsWith('Afschrift'))).toBe(false);
    expect(document.match(/<w:sectPr/g)).toHaveLength(1);
    expect(headers.join('')).toContain('<pic:pic');
  });
});
