import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collectInzage, type CollectedInzage } from '../../electron/features/inzage/collect';
import { fullNameOf, jesse, sara, TODAY } from '../api/documents-setup';
import { inzageSchool, words, type InzageSchool } from '../api/inzage-setup';

/**
 * What an inzage collects, read straight from a vault in which two students were discussed in
 * the same meeting: everything of the one, nothing of the other (not a name, a number, a text or
 * a file), and never the Meldcode track.
 */

describe('collecting an inzage', () => {
  let school: InzageSchool;
  let jesses: CollectedInzage;
  let saras: CollectedInzage;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await inzageSchool();
    const db = school.backend.session!.vault.db;
    const user = { id: school.coordinatorUserId, name: 'Anouk Wolters' };
    jesses = collectInzage(db, school.jesseId, user, '2026-11-02');
    saras = collectInzage(db, school.saraId, user, '2026-11-02');
  }, 60_000);
  afterAll(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  /** Everything in the collected model as one text, the way a leak would show. */
  const everything = (c: CollectedInzage) => JSON.stringify({ ...c.document, school: null });

  it("holds the student's own intake, consent, minutes, action, letter and files", () => {
    const doc = jesses.document;
    expect(doc.student).toEqual({ name: fullNameOf(jesse), studentNumber: jesse.studentNumber });
    expect(doc.guardians.map((g) => g.title)).toEqual(['Marieke de Vries (moeder)', 'Mark de Vries (vader)']);
    expect(doc.intakes).toHaveLength(1);
    expect(doc.intakes[0]!.answers).toContainEqual({
      label: 'Aanleiding',
      text: 'Jesse is sinds de herfstvakantie vaak afwezig.',
    });
    expect(doc.consents.map((c) => c.title)).toEqual([
      'Toestemming gegeven door Marieke de Vries',
      'Toestemming gegeven door Mark de Vries, ingetrokken op 28-10-2026',
    ]);
    expect(doc.meetings).toHaveLength(1);
    expect(doc.meetings[0]!.item.title).toContain(fullNameOf(jesse));
    expect(doc.meetings[0]!.item.paragraphs.map((p) => p.text)).toEqual([
      expect.stringContaining('Jesse botst in de klas met [naam]'),
      words.jesseDecision,
    ]);
    expect(doc.actions.map((a) => a.what)).toEqual([words.jesseAction]);
    expect(doc.letters.map((l) => l.texts.map((t) => t.recipients))).toEqual([['Mevr. M. de Vries en Dhr. M. de Vries']]);
    // The letter as kept when it was sent, not merged again.
    expect(doc.letters[0]!.note).toBe('De tekst hieronder is de brief zoals hij is verstuurd.');
    expect(doc.retention.facts).toContainEqual({
      label: 'Verwijdering',
      value: 'De bewaartermijn begint pas als de leerling is uitgeschreven.',
    });
    expect(doc.retention.keptAbsence).toEqual([]);
    expect(jesses.attachments.map((a) => a.fileName)).toEqual([`01-${words.jesseReport}`, `02-${words.consentScan}`]);
  });

  it('holds nothing of the other student discussed in the same meeting', () => {
    const text = everything(jesses);
    for (const hidden of [
      sara.givenName,
      sara.familyName,
      sara.studentNumber,
      school.saraId,
      school.saraIntake,
      'Ilse',
      'Tom',
      'Nieuwegein',
      words.saraDiscussion,
      words.saraDecision,
      words.saraAction,
    ]) {
      expect(text, hidden).not.toContain(hidden);
    }
    const hers = everything(saras);
    expect(hers).toContain(words.saraDecision);
    for (const hidden of [
      jesse.givenName,
      'Vries',
      jesse.studentNumber,
      school.jesseId,
      words.jesseDecision,
      words.jesseAction,
      words.jesseReport,
      words.consentScan,
    ]) {
      expect(hers, hidden).not.toContain(hidden);
    }
    expect(saras.attachments).toEqual([]);
  });

  it('leaves the Meldcode track out, and tells only someone who may see it', () => {
    expect(everything(jesses)).not.toContain(words.meldcodeNotes);
    expect(everything(jesses).toLowerCase()).not.toContain('meldcode');
    expect(jesses.meldcodeLeftOut).toBe(true);
    expect(saras.meldcodeLeftOut).toBe(false);
  });
});
