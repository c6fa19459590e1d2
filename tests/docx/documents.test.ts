import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildActionListDocx } from '../../electron/export/docx/action-list';
import { buildAgendaDocx } from '../../electron/export/docx/agenda';
import { logoSize } from '../../electron/export/docx/letterhead';
import { buildExtractDocx, buildMinutesDocx } from '../../electron/export/docx/minutes';
import type { ExtractDocument, Logo } from '../../electron/export/docx/models';
import { buildPapersDocx } from '../../electron/export/docx/papers';
import { buildYearScheduleDocx } from '../../electron/export/docx/year-schedule';
import {
  documentText,
  headerFooterText,
  paragraphText,
  paragraphTexts,
  paragraphXml,
  styledTexts,
  tables,
  TINY_PNG,
  unzipDocx,
} from './docx-text';
import { actionList, agenda, extract, jesseItem, lindeboom, minutes, papers, sanneItem, school, treeLogo } from './fixtures';

// Set DOCX_OUT=/tmp/docs to keep the sample documents (with a logo) and look at them:
// `node scripts/render-docx.mjs /tmp/docs/agenda.docx 70`.
const out = process.env.DOCX_OUT;
if (out) {
  mkdirSync(out, { recursive: true });
  const withLogo = { ...school, logo: treeLogo() };
  const samples: [string, () => Promise<Buffer>][] = [
    ['agenda', () => buildAgendaDocx({ ...agenda, school: withLogo })],
    ['notulen', () => buildMinutesDocx({ ...minutes, school: withLogo })],
    ['uittreksel', () => buildExtractDocx({ ...extract, school: withLogo })],
    ['stukken', () => buildPapersDocx({ ...papers, school: withLogo })],
    ['actielijst', () => buildActionListDocx({ ...actionList, school: withLogo })],
  ];
  for (const [name, build] of samples) writeFileSync(join(out, `${name}.docx`), await build());
}

/** Nothing of a template, a missing value or a stray object may reach paper. */
function expectClean(text: string): void {
  expect(text).not.toContain('{{');
  expect(text).not.toMatch(/undefined|\bnull\b|NaN|\[object|Invalid Date/);
}

/** The paragraph whose text is exactly `text`, or that contains it. */
function paragraphWith(xml: string, text: string): string {
  const found = paragraphXml(xml).find((paragraph) => paragraphText(paragraph).includes(text));
  if (found === undefined) throw new Error(`Geen alinea met "${text}"`);
  return found;
}

describe('agenda', () => {
  it('lists the items in order with number, time, presenter and length', async () => {
    const { document } = await unzipDocx(await buildAgendaDocx(agenda));
    const text = paragraphTexts(document).join('\n');
    expect(paragraphTexts(document)[0]).toBe('Agenda IOT onderbouw');
    expect(text).toContain('donderdag 12 november 2026');
    expect(text).toContain('13:30–15:00');
    expect(text).toContain('Lokaal 1.12');
    expect(text).toContain('awo — Anna Wolters');
    expect(text).toContain('Kwadraad — Els Smit (jeugdhulp)');

    const items = tables(document).find((table) => table[0]?.[2] === 'Onderwerp');
    expect(items).toBeDefined();
    const rows = items ?? [];
    expect(rows[0]).toEqual(['Nr', 'Tijd', 'Onderwerp', 'Inbrenger', 'Duur']);
    const subjects = rows.slice(1).map((row) => (row[2] ?? '').split('\n')[0]);
    expect(subjects).toEqual([
      'Opening en mededelingen',
      'Actiepunten',
      'J.d.V. (2B)  gewijzigd ',
      'S.B. (1A)  besloten   toegevoegd ',
      'M.K. (3C)  vervallen ',
      'Rondvraag en sluiting',
    ]);
    expect(rows[3]?.slice(0, 2)).toEqual(['3', '13:45']);
    expect(rows[3]?.[3]).toBe('sisl');
    expect(rows[3]?.[4]).toBe('20 min');
    expect(rows[3]?.[2]).toContain('Gasten: ouders, leerling');
    expect(rows[4]?.[2]).toContain('Gasten: Kwadraad (jeugdhulp)');
    expect(rows[6]?.slice(0, 2)).toEqual(['5', '14:20']);
    expectClean(text);
  });

  it('strikes a lapsed item through and gives it no number or time', async () => {
    const { document } = await unzipDocx(await buildAgendaDocx(agenda));
    const lapsedRow = tables(document)
      .flat()
      .find((row) => (row[2] ?? '').startsWith('M.K. (3C)'));
    expect(lapsedRow?.slice(0, 2)).toEqual(['', '']);
    const lapsed = paragraphWith(document, 'M.K. (3C)');
    expect(lapsed).toContain('<w:strike/>');
    expect(paragraphWith(document, 'J.d.V. (2B)')).not.toContain('<w:strike/>');
  });

  it('marks changes only once the agenda has been sent, and says how students are named', async () => {
    const sent = await documentText(await buildAgendaDocx(agenda));
    expect(sent).toContain('Gewijzigd na verzending op 5 november 2026: de wijzigingen zijn gemarkeerd.');
    expect(sent).toContain('Leerlingen staan op deze agenda met initialen en klas.');
    expect(sent).toContain('besloten');

    const draft = await documentText(
      await buildAgendaDocx({
        ...agenda,
        sentOn: null,
        nameStyle: 'volledig',
        items: agenda.items.filter((item) => item.number !== null),
      }),
    );
    expect(draft).not.toContain('gewijzigd');
    expect(draft).not.toContain('toegevoegd');
    expect(draft).not.toContain('Gewijzigd na verzending');
    expect(draft).not.toContain('initialen');
    expect(draft).toContain('besloten');
  });

  it('says "Vertrouwelijk" and the page number in the footer', async () => {
    const { header, footer } = await headerFooterText(await buildAgendaDocx(agenda));
    expect(header).toContain('Lindeboom College');
    expect(footer).toContain(`Vertrouwelijk  ·  ${lindeboom.letterFooter}`);
    expect(footer).toContain('Pagina ‹PAGE› van ‹NUMPAGES›');
    const { footers } = await unzipDocx(await buildAgendaDocx(agenda));
    expect(footers.join('')).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>Vertrouwelijk<\/w:t>/);
    expectClean(header + footer);
  });
});

describe('minutes (notulen)', () => {
  it('shows the status under the title: concept, or when and where they were adopted', async () => {
    const concept = paragraphTexts((await unzipDocx(await buildMinutesDocx(minutes))).document);
    expect(concept[0]).toBe('Notulen IOT onderbouw');
    expect(concept[1]).toMatch(/^Concept/);
    expect(concept.join('\n')).not.toContain('Vastgesteld');

    const adopted = await buildMinutesDocx({
      ...minutes,
      status: { kind: 'vastgesteld', on: '2026-12-10', atMeeting: 'IOT 10-12-2026' },
    });
    const texts = paragraphTexts((await unzipDocx(adopted)).document);
    expect(texts[1]).toBe('Vastgesteld op 10 december 2026 (in IOT 10-12-2026)');
    expect(texts.join('\n')).not.toContain('nog niet vastgesteld');

    const withoutMeeting = await documentText(
      await buildMinutesDocx({ ...minutes, status: { kind: 'vastgesteld', on: '2026-12-10', atMeeting: null } }),
    );
    expect(withoutMeeting).toContain('Vastgesteld op 10 december 2026\n');
  });

  it('gives each item a Word heading, with its decision, paragraphs and actions', async () => {
    const { document } = await unzipDocx(await buildMinutesDocx(minutes));
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(styledTexts(document, 'Heading1')).toEqual([
      '1. Opening en mededelingen',
      '2. Actiepunten',
      '3. J.d.V. (2B)',
      '4. S.B. (1A)',
      'Actielijst',
      'Aanvullingen na vaststelling',
    ]);
    const text = paragraphTexts(document).join('\n');
    expect(text).toContain('Besluit: extra ondersteuning via de ondersteuningscoördinator');
    // Line breaks in the text become paragraphs of their own.
    expect(text).toContain(
      'Jesse verzuimt sinds de herfstvakantie vaker het eerste uur.\nMentor heeft twee keer contact gehad met moeder.',
    );
    expect(styledTexts(document, 'Heading2')).toContain('Aanleiding');
    expect(text).toContain('Geen aantekeningen bij dit punt.'); // item 2 has nothing
  });

  it('marks intern paragraphs visibly', async () => {
    const { document } = await unzipDocx(await buildMinutesDocx(minutes));
    const intern = styledTexts(document, 'Heading2').find((text) => text.startsWith('Overwegingen team'));
    expect(intern).toMatch(/^Overwegingen team\s+Intern\s*$/);
    expect(styledTexts(document, 'Heading2').find((text) => text.startsWith('Aanleiding'))).toBe('Aanleiding');
    // The intern text itself carries a line in the margin.
    expect(paragraphWith(document, 'Vermoeden van spanningen thuis')).toContain('<w:left w:val="single"');
  });

  it('lists a lapsed item as "vervallen", struck through', async () => {
    const { document } = await unzipDocx(await buildMinutesDocx(minutes));
    const lapsed = paragraphWith(document, 'M.K. (3C)');
    expect(paragraphText(lapsed)).toMatch(/^M\.K\. \(3C\)\s+vervallen\s*$/);
    expect(lapsed).toContain('<w:strike/>');
    expect(lapsed).not.toContain('Heading1');
  });

  it('puts carried and new actions in tables per item, and all of them in the action list', async () => {
    const { document } = await unzipDocx(await buildMinutesDocx(minutes));
    const all = tables(document).filter((table) => table[0]?.join('|') === 'Nr|Wat|Wie|Wanneer|Status');
    // Item 3: carried, own; item 4: own; the action list last, this meeting's own apart from the carried.
    expect(all).toHaveLength(5);
    expect(all[0]?.slice(1)).toEqual([
      ['4.1\nuit IOT\n08-10-2026', 'Verzuimgegevens opvragen bij de administratie', 'sisl', '22-10-2026', 'Gedaan'],
    ]);
    expect(all[3]?.slice(1)).toEqual([
      ['3.1', 'Gesprek met Jesse en ouders over het verzuim', 'sisl', '26-11-2026', 'Open'],
      ['3.2', 'Aanmelden bij de jeugdarts', 'awo', 'volgende overleg', 'Open'],
      ['4.1', 'Toestemming ouders vragen voor Kwadraad', 'awo', '', 'Concept'],
    ]);
    expect(all[4]?.slice(1)).toEqual([
      ['4.1\nuit IOT\n08-10-2026', 'Verzuimgegevens opvragen bij de administratie', 'sisl', '22-10-2026', 'Gedaan'],
    ]);
    const text = paragraphTexts(document).join('\n');
    expect(text.indexOf('Acties uit eerdere overleggen')).toBeLessThan(text.indexOf('Actielijst'));
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
  });

  it('shows presence and the addenda with date and author', async () => {
    const text = await documentText(await buildMinutesDocx(minutes));
    expect(text).toContain('Aanwezig\nawo — Anna Wolters\nsisl — Sil Slot\nKwadraad — Els Smit (jeugdhulp)');
    expect(text).toContain('Afwezig met bericht\nhbr — Hanneke Brouwer');
    expect(text).not.toContain('Aanwezigheid niet bijgehouden');
    // 14:20 UTC is 15:20 in Utrecht in December.
    expect(text).toContain('Aanvulling bij punt 3\n10 december 2026, 15:20  ·  awo — Anna Wolters');
    expect(text).toContain('Gesprek met ouders heeft op 24 november plaatsgevonden.');
    expectClean(text);

    const unrecorded = await documentText(
      await buildMinutesDocx({
        ...minutes,
        addenda: [],
        presence: { present: [], absentWithNotice: [], absent: [], unknown: ['awo — Anna Wolters'] },
      }),
    );
    expect(unrecorded).toContain('Aanwezigheid niet bijgehouden\nawo — Anna Wolters');
    expect(unrecorded).not.toContain('Aanvullingen na vaststelling');
  });

  it('says so when nothing was agreed', async () => {
    const text = await documentText(await buildMinutesDocx({ ...minutes, items: [minutes.items[0]!], addenda: [] }));
    expect(text).toContain('Actielijst\nEr zijn geen acties afgesproken.');
  });

  it('has "Vertrouwelijk" and page numbers in the footer', async () => {
    const { footer } = await headerFooterText(await buildMinutesDocx(minutes));
    expect(footer).toContain('Vertrouwelijk');
    expect(footer).toContain('Pagina ‹PAGE› van ‹NUMPAGES›');
  });
});

describe('extract (uittreksel)', () => {
  it("names the student with leerlingnummer and class, and holds only the student's item", async () => {
    const buffer = await buildExtractDocx(extract);
    const { document, core } = await unzipDocx(buffer);
    const text = paragraphTexts(document).join('\n');
    expect(paragraphTexts(document)[0]).toBe('Uittreksel uit de notulen');
    expect(text).toContain('Jesse de Vries  ·  leerlingnummer 123456  ·  klas 2B');
    expect(text).toContain('Versie voor het dossier (met interne tekst)');
    expect(text).toContain('Vastgesteld op 10 december 2026 (in IOT 10-12-2026)');
    expect(text).toContain('donderdag 12 november 2026');
    expect(text).toContain('Afwezig met bericht\nhbr — Hanneke Brouwer');
    expect(styledTexts(document, 'Heading1')).toEqual(['3. Jesse de Vries (2B)', 'Aanvullingen na vaststelling']);
    expect(text).toContain('Besluit: extra ondersteuning via de ondersteuningscoördinator');
    expect(text).toContain('Vermoeden van spanningen thuis');
    expect(text).toMatch(/Overwegingen team\s+Intern/);
    expect(text).toContain('Gesprek met Jesse en ouders over het verzuim');
    expect(text).toContain('Gesprek met ouders heeft op 24 november plaatsgevonden.');

    // Nothing of the neighbouring item in the same minutes, nor the meeting's action list.
    for (const neighbour of [sanneItem.title, 'Sanne', 'faalangst', 'Kwadraad vragen', sanneItem.decision ?? '', 'Actielijst']) {
      expect(text).not.toContain(neighbour);
    }
    expect(core).not.toContain('Jesse');
    expectClean(text);
  });

  it('for parents: says so, and never prints intern text', async () => {
    const forParents: ExtractDocument = { ...extract, version: 'ouders' };
    const text = await documentText(await buildExtractDocx(forParents));
    expect(text).toContain('Versie voor ouders');
    expect(text).not.toContain('interne tekst');
    // The domain should have removed it; the builder drops it as well.
    expect(text).not.toContain('Vermoeden van spanningen thuis');
    expect(text).not.toContain('Intern');
    expect(text).toContain('Jesse meldt zich drie weken lang om 08:15 bij de mentor.');
  });

  it('has "Vertrouwelijk" in the footer', async () => {
    const { footer } = await headerFooterText(await buildExtractDocx(extract));
    expect(footer).toContain('Vertrouwelijk');
  });

  it('uses the same item layout as the minutes', async () => {
    const minutesText = await documentText(await buildMinutesDocx({ ...minutes, items: [jesseItem] }));
    const extractText = await documentText(await buildExtractDocx({ ...extract, item: jesseItem }));
    const itemPart = (text: string) => text.slice(text.indexOf('3. J.d.V. (2B)'), text.indexOf('Acties\n'));
    expect(itemPart(extractText)).toBe(itemPart(minutesText));
  });
});

describe('papers (stukken)', () => {
  it('gives each case a heading and its own page, with leerlingnummer and referrer', async () => {
    const { document } = await unzipDocx(await buildPapersDocx(papers));
    const text = paragraphTexts(document).join('\n');
    expect(paragraphTexts(document)[0]).toBe('Stukken IOT onderbouw');
    expect(styledTexts(document, 'Heading1')).toEqual([
      '3. Jesse de Vries (2B)  ·  13:45',
      '4. Leerling uit leerjaar 1  ·  14:05',
      'Noah Jansen (1C)',
    ]);
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    expect(paragraphWith(document, 'Jesse de Vries (2B)')).not.toContain('pageBreakBefore');
    expect(text).toContain('Leerlingnummer\n123456');
    expect(text).toContain('Aangemeld door\nsisl — Sil Slot (mentor)');
    expect(text).toContain('Geanonimiseerd: geen toestemming voor Kwadraad');
    expect(styledTexts(document, 'Heading2')).toContain('Hulpvraag aan het IOT');
    expect(text).toContain('Twee gesprekken met Jesse.\nContact met moeder per telefoon.');
    expectClean(text);
  });

  it('prints no leerlingnummer for an anonymised case', async () => {
    const anonymous = papers.cases[1]!;
    const text = await documentText(await buildPapersDocx({ ...papers, cases: [anonymous] }));
    expect(text).not.toContain('Leerlingnummer');
    expect(text).toContain('Geanonimiseerd: geen toestemming voor Kwadraad');
    const { footer } = await headerFooterText(await buildPapersDocx(papers));
    expect(footer).toContain('Vertrouwelijk');
  });
});

describe('action list (actielijst)', () => {
  it('has a heading and a table per group, and marks overdue actions', async () => {
    const { document } = await unzipDocx(await buildActionListDocx(actionList));
    expect(paragraphTexts(document)[0]).toBe('Openstaande acties per actiehouder');
    expect(paragraphTexts(document)[1]).toBe('gemaakt op 27 november 2026');
    expect(styledTexts(document, 'Heading1')).toEqual(['awo — Anna Wolters', 'sisl — Sil Slot']);
    const [awo, sisl] = tables(document);
    expect(awo?.[0]).toEqual(['Nr', 'Leerling', 'Wat', 'Wie', 'Wanneer', 'Status']);
    expect(awo?.slice(1)).toEqual([
      ['3.2 uit IOT 12-11-2026', 'J.d.V. (2B)', 'Aanmelden bij de jeugdarts', 'awo', 'volgende overleg', 'Open'],
      ['4.1 uit IOT 08-10-2026', 'S.B. (1A)', 'Toestemming ouders vragen voor Kwadraad', 'awo', '22-10-2026 (over tijd)', 'Open'],
      ['1.1 uit IOT 12-11-2026', '', 'Jaarrooster zorgoverleggen delen met de mentoren', 'awo', '', 'Open'],
    ]);
    expect(sisl?.slice(1)).toEqual([
      ['3.1 uit IOT 12-11-2026', 'J.d.V. (2B)', 'Gesprek met Jesse en ouders over het verzuim', 'sisl', '26-11-2026', 'Open'],
    ]);
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expectClean(paragraphTexts(document).join('\n'));
  });

  it('says so when nothing is open', async () => {
    const text = await documentText(await buildActionListDocx({ ...actionList, groups: [] }));
    expect(text).toContain('Geen openstaande acties.');
    const emptyGroups = await documentText(
      await buildActionListDocx({ ...actionList, groups: [{ heading: 'awo — Anna Wolters', actions: [] }] }),
    );
    expect(emptyGroups).toContain('Geen openstaande acties.');
    expect(emptyGroups).not.toContain('awo — Anna Wolters');
  });
});

describe('every document', () => {
  const builds: [string, () => Promise<Buffer>][] = [
    ['agenda', () => buildAgendaDocx(agenda)],
    ['notulen', () => buildMinutesDocx(minutes)],
    ['uittreksel', () => buildExtractDocx(extract)],
    ['stukken', () => buildPapersDocx(papers)],
    ['actielijst', () => buildActionListDocx(actionList)],
  ];

  it.each(builds)('%s: no placeholders or missing values, confidential footer with page numbers', async (_, build) => {
    const parts = await unzipDocx(await build());
    for (const xml of [parts.document, ...parts.headers, ...parts.footers, parts.core]) expect(xml).not.toContain('{{');
    expectClean([parts.document, ...parts.headers, ...parts.footers].flatMap(paragraphTexts).join('\n'));
    const footer = parts.footers.flatMap(paragraphTexts).join('\n');
    expect(footer).toContain('Vertrouwelijk');
    expect(footer).toContain('Pagina ‹PAGE› van ‹NUMPAGES›');
    expect(parts.headers.flatMap(paragraphTexts)).toContain('Lindeboom College');
  });
});

describe('letterhead with logo', () => {
  const tiny: Logo = { data: TINY_PNG, type: 'png', width: 1, height: 1 };

  it('puts the logo in the header when the school has one, and only then', async () => {
    const withLogo = await unzipDocx(await buildAgendaDocx({ ...agenda, school: { ...school, logo: tiny } }));
    expect(withLogo.files.filter((path) => path.startsWith('word/media/'))).toHaveLength(1);
    expect(withLogo.headers.join('')).toContain('<w:drawing>');
    expect(withLogo.document).not.toContain('<w:drawing>');
    // The school's details stay, now beside the logo.
    const header = withLogo.headers.flatMap(paragraphTexts).filter((text) => text !== '');
    expect(header).toEqual([
      'Lindeboom College',
      'Lindelaan 12, 3512 KL Utrecht',
      '030 123 45 67  ·  zorgteam@lindeboomcollege.example  ·  www.lindeboomcollege.example',
    ]);

    const without = await unzipDocx(await buildAgendaDocx(agenda));
    expect(without.files.filter((path) => path.startsWith('word/media/'))).toHaveLength(0);
    expect(without.headers.join('')).not.toContain('<w:drawing>');
  });

  it('puts the logo on every document', async () => {
    const logoSchool = { ...school, logo: treeLogo() };
    const buffers = await Promise.all([
      buildMinutesDocx({ ...minutes, school: logoSchool }),
      buildExtractDocx({ ...extract, school: logoSchool }),
      buildPapersDocx({ ...papers, school: logoSchool }),
      buildActionListDocx({ ...actionList, school: logoSchool }),
    ]);
    for (const buffer of buffers) {
      const { files } = await unzipDocx(buffer);
      expect(files.some((path) => /^word\/media\/.+\.png$/.test(path))).toBe(true);
    }
  });

  it('scales the logo to at most 1.6 cm high and 5 cm wide, keeping its proportions', async () => {
    const cm = 96 / 2.54; // pixels
    for (const [width, height] of [
      [240, 160],
      [1200, 200],
      [100, 400],
      [1, 1],
    ] as const) {
      const size = logoSize({ width, height });
      expect(size.height).toBeLessThanOrEqual(Math.round(1.6 * cm));
      expect(size.width).toBeLessThanOrEqual(Math.round(5 * cm));
      // Proportions kept to within the rounding of one pixel on the shorter side.
      const ratio = width / height;
      const off = Math.min(Math.abs(size.width - size.height * ratio), Math.abs(size.height - size.width / ratio));
      expect(off).toBeLessThanOrEqual(1);
    }
    expect(logoSize({ width: 240, height: 160 })).toEqual({ width: 91, height: 60 });
    expect(logoSize({ width: 0, height: 0 })).toEqual({ width: 60, height: 60 });

    // In the file: EMUs (914400 an inch) within the same bounds.
    const { headers } = await unzipDocx(
      await buildAgendaDocx({ ...agenda, school: { ...school, logo: { ...tiny, width: 1200, height: 200 } } }),
    );
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(headers.join(''));
    const emuPerCm = 914400 / 2.54;
    expect(Number(extent?.[1])).toBeLessThanOrEqual(5.01 * emuPerCm);
    expect(Number(extent?.[2])).toBeLessThanOrEqual(1.61 * emuPerCm);
  });

  it('keeps the year schedule as it was: no logo, no "Vertrouwelijk"', async () => {
    const { headers, footers, files } = await unzipDocx(
      await buildYearScheduleDocx({
        schoolYear: '2026-2027',
        letterhead: lindeboom,
        generatedOn: '2026-08-24',
        meetings: [],
        daysOff: [],
      }),
    );
    expect(files.some((path) => path.startsWith('word/media/'))).toBe(false);
    expect(headers.flatMap(paragraphTexts)).toContain('Lindeboom College');
    expect(footers.flatMap(paragraphTexts).join('\n')).not.toContain('Vertrouwelijk');
  });
});
