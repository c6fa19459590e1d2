import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../helpers/backend';
import {
  auditOf,
  bytesOf,
  documentsSchool,
  intakeAnswers,
  jesse,
  saveAction,
  TODAY,
  visibleText,
  type DocumentsSchool,
} from './documents-setup';

/**
 * Linking an anonymous case (issue 21, item 5): once the coordinator links it to the student, its
 * agenda item, minutes, decision and actions are the student's too, so the timeline, Acties and
 * the inzage (AVG art. 15) are complete, and the Logboek says so. The clock is fixed (TODAY).
 */
describe('linking an anonymous case', () => {
  let school: DocumentsSchool;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await documentsSchool();
  });
  afterEach(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  /** An anonymous intake for the internal IOT, accepted, on the agenda, with minutes and two actions. */
  async function discussedAnonymously() {
    const { backend, iot, meetingId, bgr } = school;
    const { id } = await call(backend, 'intakes.create', { studentId: null, anonymousYearLevel: 2, seriesId: iot });
    const draft = await call(backend, 'intakes.get', { id });
    await call(backend, 'intakes.submit', {
      id,
      revision: draft.revision,
      referrerId: bgr,
      referredOn: draft.referredOn,
      meetingId,
      answers: intakeAnswers('De leerling'),
    });
    await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });
    await call(backend, 'agenda.create', { meetingId });
    const item = (await call(backend, 'minutes.get', { meetingId })).items.find(
      (i) => i.kind === 'casus' && i.caseName === 'leerling uit leerjaar 2',
    )!;
    expect(item.studentId).toBeNull();
    await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'bespreking',
      text: 'Slaapt slecht sinds de zomer.',
      audience: 'intern',
      baseRevision: 0,
    });
    await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'besluit',
      text: 'Twee keer per week naar de huiswerkklas.',
      audience: 'ouders',
      baseRevision: 0,
    });
    await call(backend, 'minutes.setDecision', { itemId: item.id, decision: 'basisondersteuning', decided: true });
    await saveAction(backend, {
      itemId: item.id,
      what: 'Aanmelden bij de huiswerkklas',
      holder: { kind: 'staff', staffId: bgr, partnerId: null },
      due: { kind: 'datum', date: '2026-11-20' },
      audience: 'ouders',
    });
    await saveAction(backend, {
      itemId: item.id,
      what: 'Slaapdagboek bijhouden',
      holder: { kind: 'leerling', staffId: null, partnerId: null },
      due: { kind: 'volgende-overleg' },
      audience: 'ouders',
    });
    return { intakeId: id, itemId: item.id };
  }

  it('moves the agenda item, minutes, decision and actions to the student: timeline, Acties and inzage show them', async () => {
    const { backend, meetingId, jesseId } = school;
    const { intakeId, itemId } = await discussedAnonymously();
    // Before: nothing of the case is Jesse's but nothing at all.
    expect((await call(backend, 'students.timeline', { id: jesseId })).map((e) => e.kind)).toEqual([]);

    await call(backend, 'intakes.linkStudent', { id: intakeId, studentId: jesseId });

    const item = (await call(backend, 'minutes.get', { meetingId })).items.find((i) => i.id === itemId)!;
    expect(item).toMatchObject({
      studentId: jesseId,
      caseName: 'Jesse de Vries',
      className: '2B',
      decision: 'basisondersteuning',
    });
    expect(item.fields.find((f) => f.field === 'bespreking')?.text).toBe('Slaapt slecht sinds de zomer.');
    expect(item.actions.map((a) => a.studentId)).toEqual([jesseId, jesseId]);
    expect((await call(backend, 'agenda.get', { meetingId })).items.find((i) => i.id === itemId)!.title).toBe('Jesse de Vries');

    const timeline = await call(backend, 'students.timeline', { id: jesseId });
    expect(timeline.filter((e) => e.kind === 'aanmelding')).toHaveLength(1);
    expect(timeline.find((e) => e.kind === 'overleg')).toMatchObject({
      title: expect.stringContaining('IOT'),
      detail: 'Besluit: Basisondersteuning',
      ref: { type: 'overleg', id: meetingId },
    });
    expect(
      timeline
        .filter((e) => e.kind === 'actie')
        .map((e) => e.detail.split(' — ')[0])
        .sort(),
    ).toEqual(['Aanmelden bij de huiswerkklas', 'Slaapdagboek bijhouden']);

    const acties = await call(backend, 'actions.list', {
      status: 'open',
      holderStaffId: null,
      seriesId: null,
      studentId: jesseId,
      mine: false,
      overdueOnly: false,
    });
    expect(acties.map((a) => a.what).sort()).toEqual(['Aanmelden bij de huiswerkklas', 'Slaapdagboek bijhouden']);

    const inzage = await call(backend, 'inzage.export', { studentId: jesseId });
    const zip = await JSZip.loadAsync(bytesOf(inzage));
    const docx = Object.keys(zip.files).find((n) => n.endsWith('.docx'))!;
    const text = await visibleText(await zip.file(docx)!.async('nodebuffer'));
    for (const shown of [
      'Slaapt slecht sinds de zomer.',
      'Twee keer per week naar de huiswerkklas.',
      'Aanmelden bij de huiswerkklas',
      'Slaapdagboek bijhouden',
    ])
      expect(text).toContain(shown);

    // Logged, with the student and what moved; no content.
    const [line] = auditOf(backend, 'intakes.linkStudent');
    expect(line!.studentIds).toEqual([jesseId]);
    expect(line!.detail).toContain('1 agendapunt met notulen en 2 acties');
    expect(line!.detail).not.toContain('huiswerkklas');
  });

  it('moves only the linked intake’s items: another anonymous case at the same meeting stays anonymous', async () => {
    const { backend, iot, meetingId, jesseId, bgr } = school;
    const other = await call(backend, 'intakes.create', { studentId: null, anonymousYearLevel: 3, seriesId: iot });
    const draft = await call(backend, 'intakes.get', { id: other.id });
    await call(backend, 'intakes.submit', {
      id: other.id,
      revision: draft.revision,
      referrerId: bgr,
      referredOn: draft.referredOn,
      meetingId,
      answers: intakeAnswers('Een leerling'),
    });
    await call(backend, 'intakes.decide', { id: other.id, decision: 'accept', reason: '' });
    const { intakeId } = await discussedAnonymously();

    await call(backend, 'intakes.linkStudent', { id: intakeId, studentId: jesseId });
    const cases = (await call(backend, 'minutes.get', { meetingId })).items.filter((i) => i.kind === 'casus');
    expect(cases.map((c) => c.caseName).sort()).toEqual(['Jesse de Vries', 'leerling uit leerjaar 3']);
    expect(cases.find((c) => c.caseName === 'leerling uit leerjaar 3')!.studentId).toBeNull();
    expect(jesse.studentNumber).toBe('700101');
  });
});
