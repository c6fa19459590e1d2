import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, format } from 'date-fns';
import type { Backend } from '../../electron/api/context';
import type { MethodOutput } from '../../electron/app/contract';
import { DEMO_PASSPHRASE } from '../../electron/features/demo/demo-school';
import { call, makeBackend, tempDir } from '../helpers/backend';

/**
 * The demo school's meetings, minutes and actions through the real dispatcher. The demo is built
 * around the day it is made, so it is opened on two days of the school year with a fixed clock:
 * both show fixed minutes, one running meeting, open and overdue actions carried over, and
 * students with a timeline, and every date keeps to the rules of the minutes.
 */
const days = [
  { label: 'in October', now: new Date(2026, 9, 15, 9, 0, 0) },
  { label: 'in March', now: new Date(2027, 2, 10, 9, 0, 0) },
];

type Meeting = MethodOutput<'agenda.meetings'>[number];
type Action = MethodOutput<'actions.list'>[number];

describe.each(days)('the demo school opened $label: meetings, minutes and actions', ({ now }) => {
  const today = format(now, 'yyyy-MM-dd');
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let awoId: string;

  const meetingsOf = async (): Promise<Meeting[]> => [
    ...(await call(backend, 'agenda.meetings', { scope: 'afgelopen' })),
    ...(await call(backend, 'agenda.meetings', { scope: 'komend' })),
  ];
  const actions = (filter: { status: 'open' | 'alle'; mine?: boolean; overdueOnly?: boolean }): Promise<Action[]> =>
    call(backend, 'actions.list', {
      status: filter.status,
      holderStaffId: null,
      seriesId: null,
      studentId: null,
      mine: filter.mine ?? false,
      overdueOnly: filter.overdueOnly ?? false,
    });
  const minutes = (meetingId: string) => call(backend, 'minutes.get', { meetingId });
  const running = async () => {
    const found = (await meetingsOf()).filter((m) => m.state === 'bezig');
    expect(found).toHaveLength(1);
    return minutes(found[0]!.id);
  };

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    dir = tempDir();
    backend = makeBackend(dir.path);
    const { environmentId } = await call(backend, 'demo.open', {});
    const users = (await call(backend, 'vault.status', {})).environments.find((e) => e.id === environmentId)!.users;
    awoId = users.find((u) => u.staffCode === 'awo')!.id;
    await call(backend, 'vault.unlock', { environmentId, userId: awoId, passphrase: DEMO_PASSPHRASE });
  });
  afterAll(() => {
    backend.lock();
    dir.cleanup();
    vi.useRealTimers();
  });

  it(
    'has past IOT and ZAT meetings with fixed minutes: text per case in the right audience, decisions, ' + 'presence and one addendum',
    async () => {
      const past = await call(backend, 'agenda.meetings', { scope: 'afgelopen' });
      expect(past.every((m) => m.date < today)).toBe(true);
      const fixed = past.filter((m) => m.state === 'vastgesteld' && m.cases > 0);
      expect(new Set(fixed.map((m) => m.title))).toEqual(new Set(['IOT', 'ZAT']));
      const fixedMinutes = await Promise.all(fixed.map((m) => minutes(m.id)));
      for (const m of fixedMinutes) {
        expect(m).toMatchObject({ canEditMinutes: false, meeting: { state: 'vastgesteld' } });
        expect(m.meeting.minutesFixedAt).not.toBeNull();
        expect(m.attendees.every((a) => a.presence !== null)).toBe(true);
        for (const item of m.items.filter((i) => i.kind === 'casus')) {
          expect(item).toMatchObject({ decided: true, decision: expect.any(String) });
          const field = (key: string) => item.fields.find((f) => f.field === key)!;
          expect(field('vraag')).toMatchObject({ audience: 'ouders', text: expect.stringMatching(/\S/) });
          expect(field('bespreking')).toMatchObject({ audience: 'intern', text: expect.stringMatching(/\S/) });
          expect(field('besluit')).toMatchObject({ audience: 'ouders', text: expect.stringMatching(/\S/) });
          const info = item.fields.filter((f) => f.field.startsWith('info:'));
          expect(info.length).toBeGreaterThan(0);
          expect(info.every((f) => f.audience === 'intern' && /^info:(staff|partner):/.test(f.field))).toBe(true);
        }
      }
      const decisions = fixedMinutes.flatMap((m) => m.items.flatMap((i) => (i.decision ? [i.decision] : [])));
      expect(decisions).toContain('terugkomen');

      // The addendum corrects a fixed case (its lapsed action) without touching what was written.
      const withAddendum = fixedMinutes.filter((m) => m.addenda.length > 0);
      expect(withAddendum).toHaveLength(1);
      const addendum = withAddendum[0]!.addenda[0]!;
      const corrected = withAddendum[0]!.items.find((i) => i.id === addendum.itemId)!;
      const lapsed = corrected.actions.find((a) => a.status === 'vervallen')!;
      expect(addendum.text).toContain(`Actie ${lapsed.number} is vervallen`);
      expect(lapsed.statusNote).toMatch(/\S/);

      // The series' most recent finished meeting waits to be fixed at its next one.
      expect(
        past
          .filter((m) => m.state === 'afgelopen')
          .map((m) => m.title)
          .sort(),
      ).toEqual(['IOT', 'ZAT']);
    },
  );

  it('has one meeting running near today: agenda sent, presence taken, the first case done, the next under way', async () => {
    const live = await running();
    expect(live.meeting.date <= today).toBe(true);
    expect(live.meeting.date >= format(addDays(now, -42), 'yyyy-MM-dd')).toBe(true);
    expect(live.meeting.agendaSentAt).not.toBeNull();
    expect(live.canEditMinutes).toBe(true);
    expect(live.attendees.every((a) => a.presence !== null)).toBe(true);
    const cases = live.items.filter((i) => i.kind === 'casus');
    expect(cases[0]).toMatchObject({ decided: true, decision: expect.any(String) });
    expect(cases[0]!.actions.every((a) => a.status === 'open')).toBe(true);
    expect(cases[1]).toMatchObject({ decided: false, decision: null });
    expect(cases[1]!.fields.find((f) => f.field === 'vraag')!.revision).toBeGreaterThan(0);
    expect(cases[1]!.actions.map((a) => a.status)).toEqual(['concept']);
    expect(live.items.some((i) => i.change === 'toegevoegd')).toBe(true);
    // The previous minutes of the series are fixed at this meeting's "notulen" item.
    const previous = (await meetingsOf()).find((m) => m.id === live.toFix?.id);
    expect(previous?.state).toBe('afgelopen');
  });

  it('carries open and overdue actions over to the running meeting, and the student comes back', async () => {
    const overdue = await actions({ status: 'open', overdueOnly: true });
    expect(overdue.length).toBeGreaterThan(0);
    for (const a of overdue) {
      expect(a).toMatchObject({ status: 'open', overdue: true });
      expect(a.dueOn! < today).toBe(true);
      expect(a.meetingDate < today).toBe(true);
    }
    const live = await running();
    const carried = live.items.find((i) => i.kind === 'actiepunten')!.carried;
    const late = carried.filter((a) => a.overdue);
    expect(late.length).toBeGreaterThan(0);
    for (const a of late) {
      expect(a.origin).toMatch(new RegExp(`^${a.number.replace('.', '\\.')} uit ${live.meeting.title} `));
      expect(live.items.find((i) => i.kind === 'casus' && i.studentId === a.studentId)).toMatchObject({
        origin: 'actie',
      });
    }
    expect(carried.some((a) => !a.overdue && a.dueOn! >= today)).toBe(true);
  });

  it('has actions of every holder and status, one due at the next meeting, numbered by their agenda item', async () => {
    const all = await actions({ status: 'alle' });
    expect(new Set(all.map((a) => a.holder?.kind))).toEqual(new Set(['staff', 'partner', 'ouders', 'leerling']));
    expect(new Set(all.map((a) => a.status))).toEqual(new Set(['concept', 'open', 'gedaan', 'teruggekoppeld', 'vervallen']));
    expect(all.filter((a) => a.status === 'vervallen').every((a) => a.statusNote)).toBe(true);
    expect(all.filter((a) => a.status === 'gedaan' || a.status === 'teruggekoppeld').every((a) => a.closedBy && a.closedAt)).toBe(true);
    const nextMeeting = all.filter((a) => a.status === 'open' && a.due?.kind === 'volgende-overleg');
    expect(nextMeeting.length).toBeGreaterThan(0);
    expect(nextMeeting.every((a) => a.dueOn !== null)).toBe(true);
    const open = all.filter((a) => a.status === 'open');
    expect(open.some((a) => !a.overdue)).toBe(true);

    const byMeeting = new Map<string, Awaited<ReturnType<typeof minutes>>>();
    for (const a of all) {
      if (!byMeeting.has(a.meetingId)) byMeeting.set(a.meetingId, await minutes(a.meetingId));
      const item = byMeeting.get(a.meetingId)!.items.find((i) => i.id === a.itemId)!;
      // A case with actions is on the agenda, and the action is numbered "<item>.<n>".
      expect(item).toMatchObject({ kind: 'casus', studentId: a.studentId });
      expect(a.number).toMatch(new RegExp(`^${item.number}\\.\\d+$`));
    }
  });

  it('gives the demo coordinator her own open actions ("mijn acties")', async () => {
    const mine = await actions({ status: 'open', mine: true });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.holder?.staffId === awoId && a.holderLabel === 'awo — Anouk Wolters')).toBe(true);
  });

  it('shows a student whose timeline runs from intake and consent via meetings to actions', async () => {
    const studentIds = [...new Set((await actions({ status: 'alle' })).flatMap((a) => (a.studentId ? [a.studentId] : [])))];
    const timelines = await Promise.all(studentIds.map((id) => call(backend, 'students.timeline', { id })));
    const full = timelines.filter((t) => ['aanmelding', 'toestemming', 'overleg', 'actie'].every((kind) => t.some((e) => e.kind === kind)));
    expect(full.length).toBeGreaterThan(0);
    const discussed = full[0]!.find((e) => e.kind === 'overleg')!;
    expect(discussed.title).toMatch(/^Besproken in (IOT|ZAT)$/);
    expect(discussed.detail).toMatch(/^Besluit: /);
  });

  it('keeps the rules: nothing due before its meeting, nothing closed before it or after today, no case blocked by consent', async () => {
    const all = await actions({ status: 'alle' });
    for (const a of all) {
      if (a.status === 'open') {
        expect(a.dueOn).not.toBeNull();
        expect(a.dueOn! >= a.meetingDate).toBe(true);
      }
      if (a.overdue) expect(a.meetingDate < today).toBe(true);
      if (a.closedAt) {
        expect(a.closedAt.slice(0, 10) >= a.meetingDate).toBe(true);
        expect(a.closedAt.slice(0, 10) <= today).toBe(true);
      }
    }
    const held = (await meetingsOf()).filter((m) => m.state !== 'gepland' && m.cases > 0);
    for (const m of held) {
      expect(m.date <= today).toBe(true);
      const cases = (await minutes(m.id)).items.filter((i) => i.kind === 'casus');
      expect(cases.filter((i) => i.consent?.blocking).map((i) => `${m.title} ${m.date}: ${i.caseName}`)).toEqual([]);
    }
  });
});
