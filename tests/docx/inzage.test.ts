import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildInzageDocx } from '../../electron/export/docx/inzage';
import { collectInzage } from '../../electron/features/inzage/collect';
import { call } from '../helpers/backend';
import { fullNameOf, jesse, sara, TODAY } from '../api/documents-setup';
import { inzageSchool, words, type InzageSchool } from '../api/inzage-setup';
import { documentText, styledTexts, unzipDocx } from './docx-text';
import { renderDocx, renderTools } from './render';

/**
 * The inzage as a parent reads it: the Word file's text (and, where LibreOffice is installed, its
 * printed pages) holds this student's intake answers and his part of the minutes, and nothing of
 * the other student discussed in the same meeting.
 */

describe('the inzage Word document', () => {
  let school: InzageSchool;
  let buffer: Buffer;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await inzageSchool();
    const collected = collectInzage(
      school.backend.session!.vault.db,
      school.jesseId,
      { id: school.coordinatorUserId, name: 'Anouk Wolters' },
      '2026-11-02',
    );
    buffer = await buildInzageDocx(collected.document);
  }, 60_000);
  afterAll(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  it('is titled after the student, dated, says by whom, and has one heading per part', async () => {
    const xml = (await unzipDocx(buffer)).document;
    expect(styledTexts(xml, 'Title')).toEqual([`Inzage in het dossier van ${fullNameOf(jesse)}`]);
    expect(styledTexts(xml, 'Heading1')).toEqual([
      '1. Persoonsgegevens',
      '2. Ouders en verzorgers',
      '3. Aanmeldingen',
      '4. Toestemmingen',
      '5. Besprekingen in overleggen',
      '6. Acties',
      '7. Brieven',
      '8. Bewaartermijn',
      '9. Logboek',
      '10. Bijlagen',
    ]);
    expect(await documentText(buffer)).toContain('Gemaakt op 2 november 2026 door Anouk Wolters');
  });

  it("holds the student's intake answers and the minutes of his own item", async () => {
    const text = (await documentText(buffer)).split('\n');
    for (const line of [
      'Aanleiding',
      'Jesse is sinds de herfstvakantie vaak afwezig.',
      'Vraag aan het overleg',
      'Is verwijzing naar leerplicht nodig?',
      'Visie van de leerling',
      'Jesse zegt slecht te slapen.',
      'Besluit: Basisondersteuning',
      'Jesse botst in de klas met [naam]; [naam] belde er ook over. Mark de Vries komt op gesprek.',
      words.jesseDecision,
    ]) {
      expect(text, line).toContain(line);
    }
  });

  it('quotes the letter home as it was sent, line by line under its addressees', async () => {
    const text = (await documentText(buffer)).split('\n');
    const at = text.indexOf('Brief aan Mevr. M. de Vries en Dhr. M. de Vries');
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toMatch(/^Geachte /);
    expect(text[at + 2]).toMatch(/^Op donderdag 12 november 2026 hebben wij Jesse besproken in ons ondersteuningsoverleg/);
    expect(text).toContain('De tekst hieronder is de brief zoals hij is verstuurd.');
    expect(text).toContain('Met vriendelijke groet,');
  });

  it('after the file went, holds the destination and the absence data kept, under their own heading', async () => {
    const { backend } = school;
    await call(backend, 'students.setStatus', { id: school.jesseId, status: 'left', leftOn: '2024-09-01' });
    await call(backend, 'retention.setDestination', { studentId: school.jesseId, destination: 'werk' });
    await call(backend, 'retention.erase', { studentIds: [school.jesseId] });
    const collected = collectInzage(
      backend.session!.vault.db,
      school.jesseId,
      { id: school.coordinatorUserId, name: 'Anouk Wolters' },
      '2026-11-02',
    );
    const erased = await buildInzageDocx(collected.document);
    const xml = (await unzipDocx(erased)).document;
    expect(styledTexts(xml, 'Heading2')).toContain('Bewaarde verzuimgegevens');
    const text = await documentText(erased);
    for (const line of [
      'Uitgestroomd naar\nWerk',
      'Dossier verwijderd op\n02-11-2026',
      'Uit de aanmelding van 02-11-2026\nZorgen over verzuim: 12 lesuren ongeoorloofd',
    ]) {
      expect(text, line).toContain(line);
    }
  });

  it("holds nothing of the other student: not her name, her number, her parents' names or her item's text", async () => {
    const text = await documentText(buffer);
    for (const hidden of [
      fullNameOf(sara),
      sara.givenName,
      sara.familyName,
      sara.studentNumber,
      'Ilse',
      'Tom',
      words.saraDiscussion,
      words.saraDecision,
      words.saraAction,
      words.meldcodeNotes,
    ]) {
      expect(text, hidden).not.toContain(hidden);
    }
  });

  describe.skipIf(renderTools() === null)('printed (LibreOffice render)', () => {
    it('lays out on a few A4 pages with every part and the confidential footer', async () => {
      const rendered = await renderDocx(buffer, 'inzage');
      expect(rendered).not.toBeNull();
      const { pages, text } = rendered!;
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(5);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(`Inzage in het dossier van ${fullNameOf(jesse)}`);
      expect(flat).toContain('10. Bijlagen');
      expect(flat).toContain('8. Bewaartermijn');
      expect(flat).toContain(`Pagina ${pages} van ${pages}`);
      expect(flat).not.toContain(sara.givenName);
    }, 120_000);
  });
});
